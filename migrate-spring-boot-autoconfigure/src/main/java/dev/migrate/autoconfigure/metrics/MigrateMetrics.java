package dev.migrate.autoconfigure.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.migrate.runtime.MigrationListener;
import dev.migrate.runtime.StepEvent;

/**
 * Records each step: a timer {@code migrate.step} (tags {@code revision}, {@code direction}, {@code outcome}) and a
 * counter {@code migrate.revisions} of revisions applied or unapplied (tag {@code direction}).
 */
public class MigrateMetrics implements MigrationListener {

    private final MeterRegistry registry;

    public MigrateMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void stepFinished(StepEvent event, Duration duration) {
        record(event, duration, "success");
        Counter.builder("migrate.revisions")
                .description("Revisions applied (upgrade) or unapplied (downgrade)")
                .tag("direction", event.direction().label())
                .register(registry)
                .increment();
    }

    @Override
    public void stepFailed(StepEvent event, Duration duration, Throwable failure) {
        record(event, duration, "failure");
    }

    private void record(StepEvent event, Duration duration, String outcome) {
        Timer.builder("migrate.step")
                .description("Time taken by one revision step")
                .tag("revision", event.revisionId())
                .tag("direction", event.direction().label())
                .tag("outcome", outcome)
                .register(registry)
                .record(duration);
    }
}
