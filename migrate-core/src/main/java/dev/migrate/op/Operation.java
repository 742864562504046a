package dev.migrate.op;

import java.util.List;
import java.util.Objects;

/**
 * One change to the database, as a revision's {@code upgrade} or {@code downgrade} describes it. Operations are
 * immutable records: the executor renders them with the database's dialect and runs them, offline mode renders
 * them to a script, and autogenerate writes them as source. None of those consumers knows about the others.
 *
 * <p>A {@code schema} of {@code null} means the run's default schema.
 */
public sealed interface Operation {

    /** Whether the operation changes the schema (as opposed to data or arbitrary code). */
    default boolean isDdl() {
        return true;
    }

    /** {@code CREATE TABLE} with its columns and table constraints. */
    record CreateTable(String schema, String name, List<Column> columns, List<TableElement> constraints,
            String comment, boolean ifNotExists) implements Operation {

        public CreateTable {
            Names.require(name, "table name");
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("Table " + name + " needs at least one column");
            }
            for (TableElement constraint : constraints) {
                if (constraint instanceof Column) {
                    throw new IllegalArgumentException("Columns of " + name + " go in columns, not constraints");
                }
            }
        }
    }

    record DropTable(String schema, String name, boolean ifExists) implements Operation {

        public DropTable {
            Names.require(name, "table name");
        }
    }

    record RenameTable(String schema, String name, String newName) implements Operation {

        public RenameTable {
            Names.require(name, "table name");
            Names.require(newName, "new table name");
        }
    }

    record AddColumn(String schema, String table, Column column, boolean ifNotExists) implements Operation {

        public AddColumn {
            Names.require(table, "table name");
            Objects.requireNonNull(column, "column");
        }
    }

    record DropColumn(String schema, String table, String column, boolean ifExists) implements Operation {

        public DropColumn {
            Names.require(table, "table name");
            Names.require(column, "column name");
        }
    }

    /**
     * Changes to one column; each part is applied only when set.
     *
     * @param type the new type, or {@code null} to keep it
     * @param using an expression converting old values to the new type (PostgreSQL's {@code USING}), or {@code null}
     * @param nullable the new nullability, or {@code null} to keep it
     * @param changeDefault whether the server default changes
     * @param defaultSql the new server default expression; {@code null} with {@code changeDefault} drops it
     * @param newName a new column name, or {@code null} to keep it
     * @param changeComment whether the comment changes
     * @param comment the new comment; {@code null} with {@code changeComment} drops it
     */
    record AlterColumn(String schema, String table, String column, ColumnType type, String using, Boolean nullable,
            boolean changeDefault, String defaultSql, String newName, boolean changeComment, String comment)
            implements Operation {

        public AlterColumn {
            Names.require(table, "table name");
            Names.require(column, "column name");
            if (using != null && type == null) {
                throw new IllegalArgumentException("USING on " + table + "." + column + " needs a new type");
            }
        }
    }

    /**
     * {@code CREATE INDEX}.
     *
     * @param parts the indexed columns or expressions, in order
     * @param where a partial index's condition, or {@code null}
     * @param concurrently build without locking writes (PostgreSQL; the revision must be non-transactional)
     */
    record CreateIndex(String schema, String table, String name, List<IndexPart> parts, boolean unique, String where,
            boolean concurrently, boolean ifNotExists) implements Operation {

        public CreateIndex {
            Names.require(table, "table name");
            Names.require(name, "index name");
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("Index " + name + " needs at least one column or expression");
            }
        }
    }

    /**
     * A column or an SQL expression of an index, exactly one of the two, in ascending or descending order.
     *
     * @param descending whether the index keeps this part in descending order ({@code DESC})
     */
    record IndexPart(String column, String expression, boolean descending) {

        public IndexPart {
            if ((column == null) == (expression == null)) {
                throw new IllegalArgumentException("An index part is either a column or an expression");
            }
        }

        /** An ascending part. */
        public IndexPart(String column, String expression) {
            this(column, expression, false);
        }

        /** As before descending parts existed, so that the checksums of revisions applied then stay the same. */
        @Override
        public String toString() {
            return "IndexPart[column=" + column + ", expression=" + expression + (descending ? ", descending=true" : "")
                    + "]";
        }
    }

    /** {@code DROP INDEX}; {@code table} is informational (some databases need it, and reversals use it). */
    record DropIndex(String schema, String name, String table, boolean concurrently, boolean ifExists)
            implements Operation {

        public DropIndex {
            Names.require(name, "index name");
        }
    }

    /** {@code ALTER TABLE ... ADD} a primary key, unique, foreign key or check constraint. */
    record AddConstraint(String schema, String table, TableElement constraint) implements Operation {

        public AddConstraint {
            Names.require(table, "table name");
            if (constraint instanceof Column || constraint == null) {
                throw new IllegalArgumentException("AddConstraint takes a constraint, not " + constraint);
            }
        }
    }

    record DropConstraint(String schema, String table, String name, boolean ifExists) implements Operation {

        public DropConstraint {
            Names.require(table, "table name");
            Names.require(name, "constraint name");
        }
    }

    /**
     * {@code CREATE SEQUENCE}.
     *
     * @param start the first value, or {@code null} for the database default
     * @param increment the step, or {@code null} for the database default
     */
    record CreateSequence(String schema, String name, Long start, Long increment) implements Operation {

        public CreateSequence {
            Names.require(name, "sequence name");
        }
    }

    /** {@code ALTER SEQUENCE ... INCREMENT BY}: the step Hibernate expects (its allocation size). */
    record AlterSequence(String schema, String name, long increment) implements Operation {

        public AlterSequence {
            Names.require(name, "sequence name");
        }
    }

    record DropSequence(String schema, String name, boolean ifExists) implements Operation {

        public DropSequence {
            Names.require(name, "sequence name");
        }
    }

    /** {@code CREATE TYPE ... AS ENUM} (PostgreSQL): an enum type and its labels, in order. */
    record CreateEnumType(String schema, String name, List<String> values) implements Operation {

        public CreateEnumType {
            Names.require(name, "type name");
            values.forEach(Operation::requireLabel);
            values = List.copyOf(values);
        }
    }

    /**
     * {@code ALTER TYPE ... ADD VALUE} (PostgreSQL): a label right before {@code before}, right after {@code after},
     * or (both {@code null}) at the end of the enum type. PostgreSQL cannot take a label away again.
     */
    record AddEnumValue(String schema, String type, String value, String before, String after) implements Operation {

        public AddEnumValue {
            Names.require(type, "type name");
            requireLabel(value);
            if (before != null && after != null) {
                throw new IllegalArgumentException("A label goes before one label or after one, not both: " + value);
            }
        }
    }

    record DropEnumType(String schema, String name, boolean ifExists) implements Operation {

        public DropEnumType {
            Names.require(name, "type name");
        }
    }

    /** Sets a table's comment; {@code null} removes it. */
    record SetTableComment(String schema, String table, String comment) implements Operation {

        public SetTableComment {
            Names.require(table, "table name");
        }
    }

    /** Inserts rows, batched over JDBC online and as literal rows offline. */
    record BulkInsert(String schema, String table, List<String> columns, List<List<Object>> rows) implements Operation {

        public BulkInsert {
            Names.require(table, "table name");
            columns = Names.requireAll(columns, "column name");
            rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
            for (List<Object> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("A row for " + table + " has " + row.size()
                            + " value(s) for " + columns.size() + " column(s): " + row);
                }
            }
        }

        @Override
        public boolean isDdl() {
            return false;
        }
    }

    /**
     * Raw SQL, optionally with {@code ?} parameters bound over JDBC.
     *
     * @param origin where the statement was written ({@code file.sql:12}), for error messages, or {@code null}
     */
    record Execute(String sql, List<Object> parameters, String origin) implements Operation {

        public Execute {
            Objects.requireNonNull(sql, "sql");
            parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
        }

        public Execute(String sql, List<Object> parameters) {
            this(sql, parameters, null);
        }

        @Override
        public boolean isDdl() {
            return false;
        }
    }

    /**
     * An UPDATE of a large table in keyset batches: each batch is the next {@code batchSize} rows in key order that
     * match {@code where}, updated and committed with its progress, so that a run that was interrupted resumes after
     * the last finished batch and no row is read twice. Only non-transactional revisions may use it.
     *
     * @param key the column the batches walk, unique and ordered (usually the primary key)
     * @param set the SET clause, such as {@code normalized_email = lower(email)}
     * @param where which rows still need the update, such as {@code normalized_email IS NULL}; {@code null} for all
     */
    record BatchUpdate(String schema, String table, String key, String set, String where, int batchSize)
            implements Operation {

        public BatchUpdate {
            Names.require(table, "table name");
            Names.require(key, "key column");
            Objects.requireNonNull(set, "set");
            if (batchSize < 1) {
                throw new IllegalArgumentException("A batch needs at least one row, not " + batchSize);
            }
        }

        @Override
        public boolean isDdl() {
            return false;
        }

        /** The name its progress is saved under. */
        public String progressName() {
            return (schema == null ? "" : schema + ".") + table + "." + key;
        }
    }

    /**
     * Java code run against the revision's JDBC connection, for data changes that SQL alone cannot express. It can
     * only run online; offline scripts name it instead.
     */
    record JdbcWork(String description, JdbcCallback callback) implements Operation {

        public JdbcWork {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(callback, "callback");
        }

        @Override
        public boolean isDdl() {
            return false;
        }

        /** The callback has no stable text, so only the description speaks for it (in checksums, too). */
        @Override
        public String toString() {
            return "JdbcWork[description=" + description + "]";
        }
    }

    /** An enum label may be any text PostgreSQL takes (blank ones too), but not absent or holding a NUL. */
    private static void requireLabel(String label) {
        if (label == null || label.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("An enum label must be text without NUL characters: " + label);
        }
    }
}
