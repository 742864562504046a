package dev.migrate.runtime;

import java.time.Duration;
import java.util.List;

import dev.migrate.revision.Plan;

/**
 * What a run did.
 *
 * @param plan the plan that ran (empty when there was nothing to do)
 * @param rowsAfter the version table's rows afterwards
 * @param duration how long the run took, lock wait included
 */
public record RunResult(Plan plan, List<String> rowsAfter, Duration duration) {
}
