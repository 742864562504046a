package dev.migrate.autoconfigure.metrics;

import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.migrate.Migrate;

/**
 * A gauge {@code migrate.revisions.pending} per instance (tag {@code instance}): how many revisions an upgrade to the
 * heads would run now. Each reading reads the version table (one query, no lock); an unreachable database reads as
 * NaN.
 */
public class MigratePendingGauge implements MeterBinder {

    private final Supplier<Map<String, Migrate>> migrates;

    public MigratePendingGauge(Migrate migrate) {
        this(() -> Map.of(migrate.settings().name(), migrate));
    }

    /** A gauge for each Migrate, by instance name. */
    public MigratePendingGauge(Supplier<Map<String, Migrate>> migrates) {
        this.migrates = migrates;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        migrates.get().forEach((name, migrate) -> Gauge.builder("migrate.revisions.pending", migrate,
                MigratePendingGauge::pending)
                .description("Revisions an upgrade to the heads would run")
                .tag("instance", name)
                .register(registry));
    }

    private static double pending(Migrate migrate) {
        try {
            return migrate.pending("heads").steps().size();
        }
        catch (RuntimeException ex) {
            return Double.NaN;
        }
    }
}
