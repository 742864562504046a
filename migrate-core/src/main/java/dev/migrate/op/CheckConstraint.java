package dev.migrate.op;

import java.util.Objects;

/**
 * A check constraint.
 *
 * @param name the constraint name, or {@code null} to let the database choose
 * @param condition the SQL condition, such as {@code balance >= 0}
 */
public record CheckConstraint(String name, String condition) implements TableElement {

    public CheckConstraint {
        Objects.requireNonNull(condition, "condition");
    }
}
