package dev.migrate.runtime;

import java.time.Duration;

/**
 * Hears about every step of a run: logging, metrics and the actuator endpoint use it. Methods are called on the
 * migrating thread; an exception thrown by a listener is logged and does not stop the run.
 */
public interface MigrationListener {

    /** A run with at least one step begins, after the lock is taken and the plan made. */
    default void runStarted(RunEvent event) {
    }

    /** Every step of the run succeeded. */
    default void runFinished(RunEvent event, RunResult result) {
    }

    /** A step of the run failed (the steps before it may have committed, as {@code failure} says). */
    default void runFailed(RunEvent event, Throwable failure) {
    }

    default void stepStarted(StepEvent event) {
    }

    default void stepFinished(StepEvent event, Duration duration) {
    }

    default void stepFailed(StepEvent event, Duration duration, Throwable failure) {
    }

    /**
     * A batch of a batched update committed.
     *
     * @param name which update (table and key column)
     * @param rowsDone rows updated so far by this run
     * @param rowsPerSecond this run's rate
     */
    default void batchCommitted(StepEvent event, String name, long rowsDone, double rowsPerSecond) {
    }
}
