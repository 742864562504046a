package dev.migrate.autoconfigure.observation;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

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
 * <p>A run's listener calls all come on the thread that runs it, so the observations under way are kept per thread,
 * as stacks: a run started inside another (by a listener, say) ends before it.
 */
public class MigrateObservations implements MigrationListener {

    private final ObservationRegistry registry;

    /** The runs under way on each thread, innermost first (a listener or revision may start a run of its own). */
    private final ThreadLocal<Deque<Observation>> runs = ThreadLocal.withInitial(ArrayDeque::new);

    private final ThreadLocal<Deque<Observation>> steps = ThreadLocal.withInitial(ArrayDeque::new);

    /** How many steps were under way on the thread when each of its runs started. */
    private final ThreadLocal<Deque<Integer>> stepDepths = ThreadLocal.withInitial(ArrayDeque::new);

    public MigrateObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void runStarted(RunEvent event) {
        stepDepths.get().push(steps.get().size());
        runs.get().push(Observation.createNotStarted("migrate.run", registry)
                .contextualName("migrate " + event.direction().label())
                .lowCardinalityKeyValues(KeyValues.of("migrate.instance", event.instance(), "migrate.direction",
                        event.direction().label()))
                .highCardinalityKeyValue("migrate.revisions", String.join(",", event.plan().revisionIds()))
                .start());
    }

    @Override
    public void runFinished(RunEvent event, RunResult result) {
        stepDepths.get().poll();
        end(runs, null);
    }

    @Override
    public void runFailed(RunEvent event, Throwable failure) {
        // Only the steps of this run: an outer run's step (a revision that started this run) goes on.
        Integer depth = stepDepths.get().peek();
        while (steps.get().size() > (depth == null ? 0 : depth)) {
            end(steps, failure);
        }
        stepDepths.get().poll();
        end(runs, failure);
    }

    @Override
    public void stepStarted(StepEvent event) {
        if (event.offline()) {
            return;
        }
        steps.get().push(Observation.createNotStarted("migrate.revision", registry)
                .contextualName(event.direction().label() + " " + event.revisionId())
                .parentObservation(runs.get().peek())
                .lowCardinalityKeyValues(KeyValues.of("migrate.instance", event.instance(), "migrate.direction",
                        event.direction().label()))
                .highCardinalityKeyValue("migrate.revision", event.revisionId())
                .start());
    }

    @Override
    public void stepFinished(StepEvent event, Duration duration) {
        end(steps, null);
    }

    @Override
    public void stepFailed(StepEvent event, Duration duration, Throwable failure) {
        end(steps, failure);
    }

    private static void end(ThreadLocal<Deque<Observation>> holder, Throwable failure) {
        Observation observation = holder.get().poll();
        if (observation == null) {
            return;
        }
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }
}
