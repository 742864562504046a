package dev.migrate.autoconfigure.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import dev.migrate.runtime.MigrationListener;
import dev.migrate.runtime.StepEvent;

/**
 * Records each step: a timer {@code migrate.step} (tags {@code instance}, {@code direction}, {@code outcome}, and
 * {@code revision} when {@code migrate.metrics.revision-tag} asks for it) and a counter {@code migrate.revisions} of
 * revisions applied or unapplied (tags {@code instance}, {@code direction}). The revision id is left out by default:
 * every revision ever written would be a time series of its own.
 */
public class MigrateMetrics implements MigrationListener {

    private final MeterRegistry registry;

    private final boolean revisionTag;

    public MigrateMetrics(MeterRegistry registry) {
        this(registry, false);
    }

    public MigrateMetrics(MeterRegistry registry, boolean revisionTag) {
        this.registry = registry;
        this.revisionTag = revisionTag;
    }

    @Override
    public void stepFinished(StepEvent event, Duration duration) {
        record(event, duration, "success");
        Counter.builder("migrate.revisions")
                .description("Revisions applied (upgrade) or unapplied (downgrade)")
                .tag("instance", event.instance())
                .tag("direction", event.direction().label())
                .register(registry)
                .increment();
    }

    @Override
    public void stepFailed(StepEvent event, Duration duration, Throwable failure) {
        record(event, duration, "failure");
    }

    private void record(StepEvent event, Duration duration, String outcome) {
        Tags tags = Tags.of("instance", event.instance(), "direction", event.direction().label(), "outcome", outcome);
        Timer.builder("migrate.step")
                .description("Time taken by one revision step")
                .tags(revisionTag ? tags.and("revision", event.revisionId()) : tags)
                .register(registry)
                .record(duration);
    }
}
