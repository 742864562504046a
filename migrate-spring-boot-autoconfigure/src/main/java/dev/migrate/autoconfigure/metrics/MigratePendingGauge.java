package dev.migrate.autoconfigure.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.migrate.Migrate;

/**
 * A gauge {@code migrate.revisions.pending}: how many revisions an upgrade to the heads would run now. Each reading
 * reads the version table (one query, no lock); an unreachable database reads as NaN.
 */
public class MigratePendingGauge implements MeterBinder {

    private final Migrate migrate;

    public MigratePendingGauge(Migrate migrate) {
        this.migrate = migrate;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("migrate.revisions.pending", this, MigratePendingGauge::pending)
                .description("Revisions an upgrade to the heads would run")
                .register(registry);
    }

    private double pending() {
        try {
            return migrate.pending("heads").steps().size();
        }
        catch (RuntimeException ex) {
            return Double.NaN;
        }
    }
}
