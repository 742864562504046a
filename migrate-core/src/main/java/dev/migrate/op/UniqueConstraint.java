package dev.migrate.op;

import java.util.List;

/**
 * A unique constraint over one or more columns.
 *
 * @param name the constraint name, or {@code null} to let the database choose
 * @param columns the columns, in order
 */
public record UniqueConstraint(String name, List<String> columns) implements TableElement {

    public UniqueConstraint {
        columns = Names.requireAll(columns, "unique constraint column");
    }
}
