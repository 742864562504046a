package dev.migrate.runtime;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each step with its revision id, message and duration, under the category {@code dev.migrate.runtime}. */
public final class LoggingListener implements MigrationListener {

    private static final Logger logger = LoggerFactory.getLogger("dev.migrate.runtime");

    @Override
    public void stepStarted(StepEvent event) {
        logger.info("Running {}{}", event.describe(), event.transactional() ? "" : " (non-transactional)");
    }

    @Override
    public void stepFinished(StepEvent event, Duration duration) {
        logger.info("Finished {} {} in {} ms", event.direction().label(), event.revisionId(), duration.toMillis());
    }

    @Override
    public void batchCommitted(StepEvent event, String name, long rowsDone, double rowsPerSecond) {
        logger.info("{} {}: {} rows done, {} rows/s", event.revisionId(), name, rowsDone, Math.round(rowsPerSecond));
    }

    @Override
    public void stepFailed(StepEvent event, Duration duration, Throwable failure) {
        logger.error("Failed {} {} after {} ms: {}", event.direction().label(), event.revisionId(), duration.toMillis(),
                failure.getMessage());
    }
}
