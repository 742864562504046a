package dev.migrate.runtime;

import dev.migrate.revision.Direction;
import dev.migrate.revision.Plan;

/**
 * A run as listeners see it: which Migrate runs it and the plan it carries out (at least one step).
 *
 * @param instance the name of the Migrate running it ({@link RunSettings#name})
 * @param plan the plan being run
 */
public record RunEvent(String instance, Plan plan) {

    /** The run's direction: every step of a plan goes the same way. */
    public Direction direction() {
        return plan.steps().get(0).direction();
    }
}
