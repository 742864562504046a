package dev.migrate.op;

import java.util.List;

/**
 * A foreign key from columns of one table to columns of another.
 *
 * @param name the constraint name, or {@code null} to let the database choose
 * @param columns the referencing columns
 * @param referencedSchema the referenced table's schema, or {@code null} for the revision's schema
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, in the same order
 * @param onDelete what a delete of the referenced row does, or {@code null} for the database default
 * @param onUpdate what an update of the referenced key does, or {@code null} for the database default
 * @param deferrable whether checking can be deferred to commit
 * @param initiallyDeferred whether checking is deferred unless set otherwise
 */
public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
        List<String> referencedColumns, Action onDelete, Action onUpdate, boolean deferrable,
        boolean initiallyDeferred) implements TableElement {

    /** Referential actions. */
    public enum Action {
        CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT"), RESTRICT("RESTRICT"),
        NO_ACTION("NO ACTION");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    public ForeignKey {
        columns = Names.requireAll(columns, "foreign key column");
        Names.require(referencedTable, "referenced table");
        referencedColumns = Names.requireAll(referencedColumns, "referenced column");
        if (columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("Foreign key " + name + " has " + columns.size()
                    + " column(s) but references " + referencedColumns.size());
        }
    }

    public ForeignKey onDelete(Action action) {
        return new ForeignKey(name, columns, referencedSchema, referencedTable, referencedColumns, action, onUpdate,
                deferrable, initiallyDeferred);
    }

    public ForeignKey onUpdate(Action action) {
        return new ForeignKey(name, columns, referencedSchema, referencedTable, referencedColumns, onDelete, action,
                deferrable, initiallyDeferred);
    }

    /** Checked at commit unless {@code initiallyDeferred} is false and the transaction sets it otherwise. */
    public ForeignKey deferrable(boolean initially) {
        return new ForeignKey(name, columns, referencedSchema, referencedTable, referencedColumns, onDelete, onUpdate,
                true, initially);
    }

    public ForeignKey referencedSchema(String schema) {
        return new ForeignKey(name, columns, schema, referencedTable, referencedColumns, onDelete, onUpdate,
                deferrable, initiallyDeferred);
    }
}
