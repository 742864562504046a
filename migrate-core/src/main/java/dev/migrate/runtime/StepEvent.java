package dev.migrate.runtime;

import dev.migrate.revision.Direction;
import dev.migrate.revision.Step;

/**
 * A step as listeners see it.
 *
 * @param step the step
 * @param location where the revision was found (file or class)
 * @param transactional whether the step runs in one transaction with its version-table update
 * @param offline whether the step is being written to a script rather than run
 * @param instance the name of the Migrate running it ({@link RunSettings#name})
 */
public record StepEvent(Step step, String location, boolean transactional, boolean offline, String instance) {

    public String revisionId() {
        return step.revision().id();
    }

    public Direction direction() {
        return step.direction();
    }

    /**
     * {@code parent -> id, message} for an upgrade, {@code id -> parent, message} for a downgrade, as Alembic logs;
     * a downgrade to base says {@code <base>}, as the commands print it.
     */
    public String describe() {
        String parents = String.join(", ", step.revision().parents());
        String id = step.revision().id();
        String arrow = step.direction() == Direction.UPGRADE ? parents + " -> " + id
                : id + " -> " + (parents.isEmpty() ? "<base>" : parents);
        return step.direction().label() + " " + arrow.strip() + ", " + step.revision().message();
    }
}
