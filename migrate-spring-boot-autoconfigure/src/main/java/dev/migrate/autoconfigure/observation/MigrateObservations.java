package dev.migrate.autoconfigure.observation;

import java.time.Duration;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.migrate.runtime.MigrationListener;
import dev.migrate.runtime.RunEvent;
import dev.migrate.runtime.RunResult;
import dev.migrate.runtime.StepEvent;

/**
 * One {@link Observation} per run ({@code migrate.run}) and one per step within it ({@code migrate.revision}), so
 * that a tracing backend shows a span per revision. Low-cardinality keys: {@code migrate.instance},
 * {@code migrate.direction}; high-cardinality ones (spans, not meters): {@code migrate.revision}, and the run's
 * {@code migrate.revisions}. A failure is the observation's error.
 *
 * <p>A run's listener calls all come on the thread that runs it, so the observations under way are kept per thread.
 */
public class MigrateObservations implements MigrationListener {

    private final ObservationRegistry registry;

    private final ThreadLocal<Observation> run = new ThreadLocal<>();

    private final ThreadLocal<Observation> step = new ThreadLocal<>();

    public MigrateObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void runStarted(RunEvent event) {
        run.set(Observation.createNotStarted("migrate.run", registry)
                .contextualName("migrate " + event.direction().label())
                .lowCardinalityKeyValues(KeyValues.of("migrate.instance", event.instance(), "migrate.direction",
                        event.direction().label()))
                .highCardinalityKeyValue("migrate.revisions", String.join(",", event.plan().revisionIds()))
                .start());
    }

    @Override
    public void runFinished(RunEvent event, RunResult result) {
        end(run, null);
    }

    @Override
    public void runFailed(RunEvent event, Throwable failure) {
        end(step, failure);
        end(run, failure);
    }

    @Override
    public void stepStarted(StepEvent event) {
        if (event.offline()) {
            return;
        }
        step.set(Observation.createNotStarted("migrate.revision", registry)
                .contextualName(event.direction().label() + " " + event.revisionId())
                .parentObservation(run.get())
                .lowCardinalityKeyValues(KeyValues.of("migrate.instance", event.instance(), "migrate.direction",
                        event.direction().label()))
                .highCardinalityKeyValue("migrate.revision", event.revisionId())
                .start());
    }

    @Override
    public void stepFinished(StepEvent event, Duration duration) {
        end(step, null);
    }

    @Override
    public void stepFailed(StepEvent event, Duration duration, Throwable failure) {
        end(step, failure);
    }

    private static void end(ThreadLocal<Observation> holder, Throwable failure) {
        Observation observation = holder.get();
        if (observation == null) {
            return;
        }
        holder.remove();
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }
}
