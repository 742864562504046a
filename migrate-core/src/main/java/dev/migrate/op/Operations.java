package dev.migrate.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.migrate.op.Operation.AddColumn;
import dev.migrate.op.Operation.AddConstraint;
import dev.migrate.op.Operation.AlterColumn;
import dev.migrate.op.Operation.BulkInsert;
import dev.migrate.op.Operation.CreateIndex;
import dev.migrate.op.Operation.CreateSequence;
import dev.migrate.op.Operation.CreateTable;
import dev.migrate.op.Operation.DropColumn;
import dev.migrate.op.Operation.DropConstraint;
import dev.migrate.op.Operation.DropIndex;
import dev.migrate.op.Operation.DropSequence;
import dev.migrate.op.Operation.DropTable;
import dev.migrate.op.Operation.Execute;
import dev.migrate.op.Operation.JdbcWork;
import dev.migrate.op.Operation.RenameTable;
import dev.migrate.op.Operation.SetTableComment;

/**
 * What a revision's {@code upgrade(Operations op)} and {@code downgrade(Operations op)} call. Each call records
 * one {@link Operation}; nothing runs until the revision's operations are all known, so an operation the database
 * cannot do is refused before anything has changed. Method names follow Alembic's {@code op.*}.
 */
public final class Operations {

    private final List<Operation> recorded;

    private final String schema;

    private final RevisionContext context;

    /** Operations recorded into a new list, in the run's default schema, for a run given nothing else. */
    public Operations() {
        this(RevisionContext.NONE);
    }

    /** Operations recorded into a new list, for a run given these {@code -x} arguments and tag. */
    public Operations(RevisionContext context) {
        this(new ArrayList<>(), null, Objects.requireNonNull(context, "context"));
    }

    private Operations(List<Operation> recorded, String schema, RevisionContext context) {
        this.recorded = recorded;
        this.schema = schema;
        this.context = context;
    }

    /** The same recorder, with every table and sequence name taken in {@code schemaName}. */
    public Operations inSchema(String schemaName) {
        return new Operations(recorded, Names.require(schemaName, "schema name"), context);
    }

    /** What the run was given: its {@code -x} arguments and its tag. */
    public RevisionContext context() {
        return context;
    }

    /** Everything recorded so far, in call order. */
    public List<Operation> recorded() {
        return List.copyOf(recorded);
    }

    /** Records an operation built elsewhere (autogenerate's output, for example). */
    public void invoke(Operation operation) {
        recorded.add(Objects.requireNonNull(operation, "operation"));
    }

    // ---- tables -------------------------------------------------------------------------------------------

    /**
     * Creates a table from columns and constraints:
     * {@code op.createTable("users", column("id", uuid()).primaryKey(), column("email", string(255)).notNull())}.
     */
    public void createTable(String name, TableElement... elements) {
        List<Column> columns = new ArrayList<>();
        List<TableElement> constraints = new ArrayList<>();
        for (TableElement element : elements) {
            if (element instanceof Column column) {
                columns.add(column);
            }
            else {
                constraints.add(element);
            }
        }
        invoke(new CreateTable(schema, name, columns, constraints, null, false));
    }

    public void dropTable(String name) {
        invoke(new DropTable(schema, name, false));
    }

    public void renameTable(String name, String newName) {
        invoke(new RenameTable(schema, name, newName));
    }

    /** Sets the table's comment; {@code null} removes it. */
    public void setTableComment(String table, String comment) {
        invoke(new SetTableComment(schema, table, comment));
    }

    // ---- columns ------------------------------------------------------------------------------------------

    public void addColumn(String table, Column column) {
        invoke(new AddColumn(schema, table, column, false));
    }

    public void dropColumn(String table, String column) {
        invoke(new DropColumn(schema, table, column, false));
    }

    /**
     * Changes a column: {@code op.alterColumn("users", "email", c -> c.type(string(320)).nullable(false))}.
     */
    public void alterColumn(String table, String column, Consumer<AlterColumnSpec> changes) {
        AlterColumnSpec spec = new AlterColumnSpec();
        changes.accept(spec);
        invoke(spec.build(schema, table, column));
    }

    /** {@code op.renameColumn("users", "mail", "email")}: the same as an alterColumn that only renames. */
    public void renameColumn(String table, String column, String newName) {
        alterColumn(table, column, c -> c.rename(newName));
    }

    // ---- indexes and constraints --------------------------------------------------------------------------

    public void createIndex(String name, String table, String... columns) {
        createIndex(name, table, index -> index.columns(columns));
    }

    public void createUniqueIndex(String name, String table, String... columns) {
        createIndex(name, table, index -> index.columns(columns).unique());
    }

    /**
     * An index with options:
     * {@code op.createIndex("ix_users_email", "users", i -> i.expression("lower(email)").unique().where("active"))}.
     */
    public void createIndex(String name, String table, Consumer<IndexSpec> options) {
        IndexSpec spec = new IndexSpec();
        options.accept(spec);
        invoke(spec.build(schema, table, name));
    }

    public void dropIndex(String name) {
        invoke(new DropIndex(schema, name, null, false, false));
    }

    /** Drops an index without locking writes (PostgreSQL); the revision must be non-transactional. */
    public void dropIndexConcurrently(String name) {
        invoke(new DropIndex(schema, name, null, true, false));
    }

    public void createPrimaryKey(String name, String table, String... columns) {
        invoke(new AddConstraint(schema, table, new PrimaryKey(name, Arrays.asList(columns))));
    }

    public void createUniqueConstraint(String name, String table, String... columns) {
        invoke(new AddConstraint(schema, table, new UniqueConstraint(name, Arrays.asList(columns))));
    }

    public void createForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns) {
        createForeignKey(table, Ddl.foreignKey(name, columns, referencedTable, referencedColumns));
    }

    /** {@code op.createForeignKey("strategies", foreignKey("fk_owner", List.of("user_id"), "users", List.of("id")).onDelete(CASCADE))}. */
    public void createForeignKey(String table, ForeignKey foreignKey) {
        invoke(new AddConstraint(schema, table, foreignKey));
    }

    public void createCheckConstraint(String name, String table, String condition) {
        invoke(new AddConstraint(schema, table, new CheckConstraint(name, condition)));
    }

    public void dropConstraint(String name, String table) {
        invoke(new DropConstraint(schema, table, name, false));
    }

    // ---- sequences ----------------------------------------------------------------------------------------

    public void createSequence(String name) {
        invoke(new CreateSequence(schema, name, null, null));
    }

    public void createSequence(String name, long start, long increment) {
        invoke(new CreateSequence(schema, name, start, increment));
    }

    /** Changes the step of a sequence. */
    public void alterSequence(String name, long increment) {
        invoke(new Operation.AlterSequence(schema, name, increment));
    }

    public void dropSequence(String name) {
        invoke(new DropSequence(schema, name, false));
    }

    // ---- enum types (PostgreSQL) ------------------------------------------------------------------------------

    /** {@code CREATE TYPE name AS ENUM (values...)}. */
    public void createEnumType(String name, String... values) {
        invoke(new Operation.CreateEnumType(schema, name, List.of(values)));
    }

    /** Adds a label at the end of an enum type ({@code ALTER TYPE ... ADD VALUE}). */
    public void addEnumValue(String type, String value) {
        invoke(new Operation.AddEnumValue(schema, type, value, null, null));
    }

    /** Adds a label right before another one ({@code ALTER TYPE ... ADD VALUE ... BEFORE}). */
    public void addEnumValueBefore(String type, String value, String before) {
        invoke(new Operation.AddEnumValue(schema, type, value, before, null));
    }

    /** Adds a label right after another one ({@code ALTER TYPE ... ADD VALUE ... AFTER}). */
    public void addEnumValueAfter(String type, String value, String after) {
        invoke(new Operation.AddEnumValue(schema, type, value, null, after));
    }

    public void dropEnumType(String name) {
        invoke(new Operation.DropEnumType(schema, name, false));
    }

    // ---- data ---------------------------------------------------------------------------------------------

    /**
     * Inserts rows given as maps from column name to value (Alembic's {@code bulk_insert}); every row must have
     * the same columns, which are written in name order. Values are bound over JDBC; use {@link JsonValue} for
     * JSON columns.
     */
    public void bulkInsert(String table, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // Sorted, so that the same rows give the same operation (and checksum) whatever the map's order.
        List<String> columns = new ArrayList<>(new TreeSet<>(rows.get(0).keySet()));
        List<List<Object>> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (!row.keySet().equals(new TreeSet<>(columns))) {
                throw new IllegalArgumentException("Every row of a bulk insert into " + table + " needs the columns "
                        + columns + "; this one has " + row.keySet());
            }
            List<Object> ordered = new ArrayList<>(columns.size());
            columns.forEach(column -> ordered.add(row.get(column)));
            values.add(ordered);
        }
        invoke(new BulkInsert(schema, table, columns, values));
    }

    /** Inserts rows given as value lists in the order of {@code columns}. */
    public void bulkInsert(String table, List<String> columns, List<List<Object>> rows) {
        invoke(new BulkInsert(schema, table, columns, rows));
    }

    /** Runs SQL as written; {@code ?} placeholders take {@code parameters}, bound over JDBC. */
    public void execute(String sql, Object... parameters) {
        invoke(new Execute(sql, Arrays.asList(parameters)));
    }

    /**
     * Updates a large table in keyset batches of {@code batchSize} rows, each committed with its progress; an
     * interrupted run resumes after the last finished batch. The revision must be non-transactional:
     * {@code op.batchUpdate("users", "id", "normalized_email = lower(email)", "normalized_email IS NULL", 1000)}.
     */
    public void batchUpdate(String table, String key, String set, String where, int batchSize) {
        invoke(new Operation.BatchUpdate(schema, table, key, set, where, batchSize));
    }

    /**
     * Runs Java code against the revision's connection (for data changes SQL cannot express), inside the
     * revision's transaction where there is one. Offline scripts cannot run it and say so, naming the description.
     */
    public void jdbc(String description, JdbcCallback work) {
        invoke(new JdbcWork(description, work));
    }

    // ---- option builders ----------------------------------------------------------------------------------

    /** Options of {@link #createIndex(String, String, Consumer)}. */
    public static final class IndexSpec {

        private final List<Operation.IndexPart> parts = new ArrayList<>();

        private boolean unique;

        private String where;

        private boolean concurrently;

        private boolean ifNotExists;

        IndexSpec() {
        }

        public IndexSpec columns(String... names) {
            for (String name : names) {
                parts.add(new Operation.IndexPart(Names.require(name, "index column"), null));
            }
            return this;
        }

        /** Columns kept in descending order ({@code created_at DESC}), after the parts given so far. */
        public IndexSpec descending(String... names) {
            for (String name : names) {
                parts.add(new Operation.IndexPart(Names.require(name, "index column"), null, true));
            }
            return this;
        }

        /** An SQL expression to index, such as {@code lower(email)}. */
        public IndexSpec expression(String sql) {
            parts.add(new Operation.IndexPart(null, Objects.requireNonNull(sql, "expression")));
            return this;
        }

        public IndexSpec unique() {
            this.unique = true;
            return this;
        }

        /** A partial index over the rows matching {@code condition}. */
        public IndexSpec where(String condition) {
            this.where = condition;
            return this;
        }

        /** Build without locking writes (PostgreSQL); the revision must be non-transactional. */
        public IndexSpec concurrently() {
            this.concurrently = true;
            return this;
        }

        public IndexSpec ifNotExists() {
            this.ifNotExists = true;
            return this;
        }

        CreateIndex build(String schema, String table, String name) {
            return new CreateIndex(schema, table, name, parts, unique, where, concurrently, ifNotExists);
        }
    }

    /** Changes of {@link #alterColumn(String, String, Consumer)}; only what is set changes. */
    public static final class AlterColumnSpec {

        private ColumnType type;

        private String using;

        private Boolean nullable;

        private boolean changeDefault;

        private String defaultSql;

        private String newName;

        private boolean changeComment;

        private String comment;

        AlterColumnSpec() {
        }

        public AlterColumnSpec type(ColumnType newType) {
            this.type = newType;
            return this;
        }

        /** How existing values convert to the new type (PostgreSQL's {@code USING}), for example {@code amount::numeric}. */
        public AlterColumnSpec using(String expression) {
            this.using = expression;
            return this;
        }

        public AlterColumnSpec nullable(boolean value) {
            this.nullable = value;
            return this;
        }

        /** A new server default, as an SQL expression. */
        public AlterColumnSpec setDefault(String expression) {
            this.changeDefault = true;
            this.defaultSql = Objects.requireNonNull(expression, "expression; use dropDefault() to remove it");
            return this;
        }

        public AlterColumnSpec dropDefault() {
            this.changeDefault = true;
            this.defaultSql = null;
            return this;
        }

        public AlterColumnSpec rename(String name) {
            this.newName = Names.require(name, "new column name");
            return this;
        }

        /** A new comment; {@code null} removes it. */
        public AlterColumnSpec comment(String text) {
            this.changeComment = true;
            this.comment = text;
            return this;
        }

        AlterColumn build(String schema, String table, String column) {
            return new AlterColumn(schema, table, column, type, using, nullable, changeDefault, defaultSql, newName,
                    changeComment, comment);
        }
    }
}
