package dev.migrate.op;

import java.util.List;

/**
 * A table's primary key over one or more columns.
 *
 * @param name the constraint name, or {@code null} to let the database choose
 * @param columns the key's columns, in order
 */
public record PrimaryKey(String name, List<String> columns) implements TableElement {

    public PrimaryKey {
        columns = Names.requireAll(columns, "primary key column");
    }
}
