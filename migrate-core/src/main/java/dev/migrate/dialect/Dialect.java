package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrate.MigrateException;
import dev.migrate.op.CheckConstraint;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnType;
import dev.migrate.op.ForeignKey;
import dev.migrate.op.JsonValue;
import dev.migrate.op.Operation;
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
import dev.migrate.op.PrimaryKey;
import dev.migrate.op.SqlLiteral;
import dev.migrate.op.TableElement;
import dev.migrate.op.UniqueConstraint;

/**
 * How one database spells operations, types, identifiers and literals, and what it can do. The SQL shared by the
 * databases lives here; a subclass states its capabilities and overrides only where its database differs.
 */
public abstract class Dialect {

    private static final Pattern SIMPLE_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /** Short name, as in {@code postgresql} or {@code h2}. */
    public abstract String name();

    // ---- capabilities -------------------------------------------------------------------------------------

    /** Whether DDL takes part in transactions, so that a failed revision leaves no trace. */
    public abstract boolean transactionalDdl();

    /** Whether {@code CREATE INDEX CONCURRENTLY} exists; where it does not, the option is ignored. */
    public boolean supportsConcurrentIndexes() {
        return false;
    }

    /**
     * The statement that sets a timeout for what follows ({@code lock_timeout}, {@code statement_timeout}): for the
     * transaction when {@code local}, else for the session; {@code Duration.ZERO} for no timeout, {@code null} for
     * the server's setting. {@code null} where the database has no such setting.
     */
    public String setTimeout(String parameter, Duration value, boolean local) {
        return null;
    }

    /** A session setting's current value, or {@code null} where the database has no such setting. */
    public String currentSetting(Connection connection, String parameter) throws SQLException {
        return null;
    }

    /** Sets a session setting back to a value {@link #currentSetting} read. */
    public void restoreSetting(Connection connection, String parameter, String value) throws SQLException {
    }

    /** Whether a failure is the database giving up on a lock wait ({@code lock_timeout}). */
    public boolean isLockTimeout(SQLException failure) {
        return false;
    }

    public boolean supportsPartialIndexes() {
        return true;
    }

    public boolean supportsExpressionIndexes() {
        return true;
    }

    public boolean supportsDeferrableConstraints() {
        return true;
    }

    /** Whether a type change can convert values with a {@code USING} expression. */
    public boolean supportsAlterTypeUsing() {
        return true;
    }

    /** Words that must be quoted to be used as identifiers. Lower case. */
    protected abstract Set<String> reservedWords();

    // ---- identifiers --------------------------------------------------------------------------------------

    /**
     * The identifier as SQL: bare when it is a plain lower-case name that is not a reserved word (so that it
     * means the same to the database as to tools that do not quote), quoted otherwise, with quotes doubled.
     * Nothing in a name can end the identifier it stands in.
     */
    public String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new MigrateException("An identifier cannot hold a NUL character: " + identifier.replace('\0', '?'));
        }
        if (SIMPLE_IDENTIFIER.matcher(identifier).matches() && !reservedWords().contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * The name as the catalog stores it, for APIs that take stored names (such as {@code Connection.setSchema}):
     * the same as written, except where the database folds the case of bare names.
     */
    public String storedName(String identifier) {
        return identifier;
    }

    /** {@code schema.name}, each part quoted as needed; just the name when the schema is {@code null}. */
    public String qualify(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    protected String columnList(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    // ---- types and literals -------------------------------------------------------------------------------

    /** The type as this database spells it; the standard spellings here, a dialect overrides where it differs. */
    public String type(ColumnType type) {
        return switch (type.kind()) {
            case UUID -> "uuid";
            case STRING -> "varchar(" + type.length() + ")";
            case TEXT -> "text";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case BOOLEAN -> "boolean";
            case DECIMAL -> "numeric(" + type.precision() + ", " + type.scale() + ")";
            case FLOAT -> "real";
            case DOUBLE -> "double precision";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestamp with time zone";
            case JSON -> "json";
            case JSONB -> "jsonb";
            case BYTES -> "bytea";
            case RAW -> type.raw();
        };
    }

    /**
     * A text value as an SQL string literal that means the same whatever the connection's settings: quotes are
     * doubled, and a dialect whose plain literals can treat backslashes as escapes writes them so they cannot.
     */
    public String stringLiteral(String value) {
        return SqlLiteral.string(value);
    }

    /** A value as an SQL literal, for offline scripts. */
    public String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String text) {
            return stringLiteral(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? "TRUE" : "FALSE";
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof UUID || value instanceof Character || value instanceof Enum<?>) {
            return stringLiteral(value.toString());
        }
        if (value instanceof LocalDate date) {
            return "DATE " + stringLiteral(date.toString());
        }
        if (value instanceof LocalTime time) {
            return "TIME " + stringLiteral(time.toString());
        }
        if (value instanceof LocalDateTime dateTime) {
            return "TIMESTAMP " + stringLiteral(dateTime.toString().replace('T', ' '));
        }
        if (value instanceof Instant instant) {
            return literal(instant.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime dateTime) {
            return "TIMESTAMP WITH TIME ZONE " + stringLiteral(dateTime.toString().replace('T', ' '));
        }
        if (value instanceof JsonValue json) {
            return jsonLiteral(json.json());
        }
        if (value instanceof byte[] bytes) {
            return bytesLiteral(HexFormat.of().formatHex(bytes));
        }
        throw new MigrateException("Cannot write a " + value.getClass().getName()
                + " as an SQL literal; use a String, number, boolean, UUID, date/time, JsonValue or byte[]");
    }

    protected abstract String jsonLiteral(String json);

    protected abstract String bytesLiteral(String hex);

    /** The placeholder for a bound value; JSON needs a conversion on some databases. */
    public String placeholder(Object value) {
        return "?";
    }

    /** Binds one value over JDBC. */
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
        else if (value instanceof JsonValue json) {
            statement.setString(index, json.json());
        }
        else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        }
        else {
            statement.setObject(index, value);
        }
    }

    /** Binds a value read back as text (a batch key) so that the database converts it to the column's type. */
    public void bindText(PreparedStatement statement, int index, String text) throws SQLException {
        statement.setString(index, text);
    }

    // ---- operations ---------------------------------------------------------------------------------------

    /**
     * Why this database cannot run the operation, or {@code null} when it can. Runs are checked with this before
     * anything executes.
     */
    public String problemWith(Operation operation) {
        if (operation instanceof CreateIndex index) {
            if (index.where() != null && !supportsPartialIndexes()) {
                return name() + " has no partial indexes (CREATE INDEX ... WHERE)";
            }
            if (!supportsExpressionIndexes() && index.parts().stream().anyMatch(part -> part.expression() != null)) {
                return name() + " cannot index expressions, only columns";
            }
        }
        if (operation instanceof AlterColumn alter && alter.using() != null && !supportsAlterTypeUsing()) {
            return name() + " cannot convert a column's values with USING";
        }
        if ((operation instanceof Operation.CreateEnumType || operation instanceof Operation.AddEnumValue
                || operation instanceof Operation.DropEnumType) && !supportsEnumTypes()) {
            return name() + " has no enum types (CREATE TYPE ... AS ENUM is PostgreSQL's)";
        }
        List<TableElement> constraints = new ArrayList<>();
        if (operation instanceof CreateTable table) {
            constraints.addAll(table.constraints());
        }
        if (operation instanceof AddConstraint add) {
            constraints.add(add.constraint());
        }
        for (TableElement constraint : constraints) {
            if (constraint instanceof ForeignKey fk && fk.deferrable() && !supportsDeferrableConstraints()) {
                return name() + " has no deferrable constraints";
            }
        }
        return null;
    }

    /**
     * The SQL statements that carry out a DDL operation. Data operations ({@link BulkInsert}, {@link Execute},
     * {@link JdbcWork}) are run by the executor and written by the offline script, not rendered here.
     */
    public List<String> render(Operation operation) {
        if (operation instanceof CreateTable op) {
            return createTable(op);
        }
        if (operation instanceof DropTable op) {
            return List.of("DROP TABLE " + (op.ifExists() ? "IF EXISTS " : "") + qualify(op.schema(), op.name()));
        }
        if (operation instanceof RenameTable op) {
            return List.of("ALTER TABLE " + qualify(op.schema(), op.name()) + " RENAME TO " + quote(op.newName()));
        }
        if (operation instanceof AddColumn op) {
            List<String> sql = new ArrayList<>();
            sql.add("ALTER TABLE " + qualify(op.schema(), op.table()) + " ADD COLUMN "
                    + (op.ifNotExists() ? "IF NOT EXISTS " : "") + columnDefinition(op.column(), true));
            if (op.column().comment() != null) {
                sql.add(columnComment(op.schema(), op.table(), op.column().name(), op.column().comment()));
            }
            return sql;
        }
        if (operation instanceof DropColumn op) {
            return List.of("ALTER TABLE " + qualify(op.schema(), op.table()) + " DROP COLUMN "
                    + (op.ifExists() ? "IF EXISTS " : "") + quote(op.column()));
        }
        if (operation instanceof AlterColumn op) {
            return alterColumn(op);
        }
        if (operation instanceof CreateIndex op) {
            return List.of(createIndex(op));
        }
        if (operation instanceof DropIndex op) {
            return List.of(dropIndex(op));
        }
        if (operation instanceof AddConstraint op) {
            return List.of("ALTER TABLE " + qualify(op.schema(), op.table()) + " ADD " + constraint(op.schema(),
                    op.constraint()));
        }
        if (operation instanceof DropConstraint op) {
            return List.of("ALTER TABLE " + qualify(op.schema(), op.table()) + " DROP CONSTRAINT "
                    + (op.ifExists() ? "IF EXISTS " : "") + quote(op.name()));
        }
        if (operation instanceof CreateSequence op) {
            return List.of("CREATE SEQUENCE " + qualify(op.schema(), op.name())
                    + (op.start() != null ? " START WITH " + op.start() : "")
                    + (op.increment() != null ? " INCREMENT BY " + op.increment() : ""));
        }
        if (operation instanceof Operation.AlterSequence op) {
            return List.of("ALTER SEQUENCE " + qualify(op.schema(), op.name()) + " INCREMENT BY " + op.increment());
        }
        if (operation instanceof DropSequence op) {
            return List.of("DROP SEQUENCE " + (op.ifExists() ? "IF EXISTS " : "") + qualify(op.schema(), op.name()));
        }
        if (operation instanceof Operation.CreateEnumType op) {
            return List.of(createEnumType(op));
        }
        if (operation instanceof Operation.AddEnumValue op) {
            return List.of(addEnumValue(op));
        }
        if (operation instanceof Operation.DropEnumType op) {
            return List.of(dropEnumType(op));
        }
        if (operation instanceof SetTableComment op) {
            return List.of("COMMENT ON TABLE " + qualify(op.schema(), op.table()) + " IS "
                    + (op.comment() == null ? "NULL" : stringLiteral(op.comment())));
        }
        throw new IllegalArgumentException(operation.getClass().getSimpleName() + " is run by the executor, not rendered");
    }

    /** Whether the database has enum types of its own ({@code CREATE TYPE ... AS ENUM}). */
    public boolean supportsEnumTypes() {
        return false;
    }

    /** Enum types are PostgreSQL's; a dialect without them refuses the operation. */
    protected String createEnumType(Operation.CreateEnumType op) {
        throw new IllegalArgumentException(name() + " has no enum types (CREATE TYPE " + op.name() + " AS ENUM)");
    }

    protected String addEnumValue(Operation.AddEnumValue op) {
        throw new IllegalArgumentException(name() + " has no enum types (ALTER TYPE " + op.type() + " ADD VALUE)");
    }

    protected String dropEnumType(Operation.DropEnumType op) {
        throw new IllegalArgumentException(name() + " has no enum types (DROP TYPE " + op.name() + ")");
    }

    protected List<String> createTable(CreateTable op) {
        List<String> definitions = new ArrayList<>();
        List<String> keyColumns = op.columns().stream().filter(Column::isPrimaryKey).map(Column::name).toList();
        boolean inlineKey = keyColumns.size() == 1 && op.constraints().stream().noneMatch(PrimaryKey.class::isInstance);
        for (Column column : op.columns()) {
            definitions.add(columnDefinition(column, inlineKey));
        }
        if (keyColumns.size() > 1) {
            definitions.add("PRIMARY KEY (" + columnList(keyColumns) + ")");
        }
        for (TableElement constraint : op.constraints()) {
            definitions.add(constraint(op.schema(), constraint));
        }
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE " + (op.ifNotExists() ? "IF NOT EXISTS " : "") + qualify(op.schema(), op.name())
                + " (\n    " + String.join(",\n    ", definitions) + "\n)");
        if (op.comment() != null) {
            sql.add("COMMENT ON TABLE " + qualify(op.schema(), op.name()) + " IS " + stringLiteral(op.comment()));
        }
        for (Column column : op.columns()) {
            if (column.comment() != null) {
                sql.add(columnComment(op.schema(), op.name(), column.name(), column.comment()));
            }
        }
        return sql;
    }

    protected String columnDefinition(Column column, boolean inlinePrimaryKey) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(type(column.type()));
        if (column.identity() != null) {
            sql.append(column.identity() == Column.Identity.ALWAYS ? " GENERATED ALWAYS AS IDENTITY"
                    : " GENERATED BY DEFAULT AS IDENTITY");
        }
        if (column.defaultSql() != null) {
            sql.append(" DEFAULT ").append(column.defaultSql());
        }
        if (column.defaultValue() != null) {
            sql.append(" DEFAULT ").append(stringLiteral(column.defaultValue()));
        }
        if (!column.nullable() && !(column.isPrimaryKey() && inlinePrimaryKey)) {
            sql.append(" NOT NULL");
        }
        if (column.isPrimaryKey() && inlinePrimaryKey) {
            sql.append(" PRIMARY KEY");
        }
        if (column.isUnique()) {
            sql.append(" UNIQUE");
        }
        return sql.toString();
    }

    protected String constraint(String schema, TableElement element) {
        if (element instanceof PrimaryKey pk) {
            return named(pk.name()) + "PRIMARY KEY (" + columnList(pk.columns()) + ")";
        }
        if (element instanceof UniqueConstraint unique) {
            return named(unique.name()) + "UNIQUE (" + columnList(unique.columns()) + ")";
        }
        if (element instanceof CheckConstraint check) {
            return named(check.name()) + "CHECK (" + check.condition() + ")";
        }
        ForeignKey fk = (ForeignKey) element;
        StringBuilder sql = new StringBuilder(named(fk.name())).append("FOREIGN KEY (").append(columnList(fk.columns()))
                .append(") REFERENCES ")
                .append(qualify(fk.referencedSchema() != null ? fk.referencedSchema() : schema, fk.referencedTable()))
                .append(" (").append(columnList(fk.referencedColumns())).append(')');
        if (fk.onDelete() != null) {
            sql.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != null) {
            sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        if (fk.deferrable()) {
            sql.append(" DEFERRABLE").append(fk.initiallyDeferred() ? " INITIALLY DEFERRED" : "");
        }
        return sql.toString();
    }

    private String named(String name) {
        return name == null ? "" : "CONSTRAINT " + quote(name) + " ";
    }

    protected String columnComment(String schema, String table, String column, String comment) {
        return "COMMENT ON COLUMN " + qualify(schema, table) + "." + quote(column) + " IS "
                + (comment == null ? "NULL" : stringLiteral(comment));
    }

    protected List<String> alterColumn(AlterColumn op) {
        String table = "ALTER TABLE " + qualify(op.schema(), op.table()) + " ALTER COLUMN " + quote(op.column());
        List<String> sql = new ArrayList<>();
        if (op.type() != null) {
            sql.add(table + alterType(op));
        }
        if (op.nullable() != null) {
            sql.add(table + (op.nullable() ? dropNotNull() : " SET NOT NULL"));
        }
        if (op.changeDefault()) {
            sql.add(table + (op.defaultSql() == null ? " DROP DEFAULT" : " SET DEFAULT " + op.defaultSql()));
        }
        if (op.changeComment()) {
            sql.add(columnComment(op.schema(), op.table(), op.column(), op.comment()));
        }
        if (op.newName() != null) {
            sql.add(renameColumn(op));
        }
        return sql;
    }

    protected String alterType(AlterColumn op) {
        return " TYPE " + type(op.type()) + (op.using() != null ? " USING " + op.using() : "");
    }

    protected String dropNotNull() {
        return " DROP NOT NULL";
    }

    protected String renameColumn(AlterColumn op) {
        return "ALTER TABLE " + qualify(op.schema(), op.table()) + " RENAME COLUMN " + quote(op.column()) + " TO "
                + quote(op.newName());
    }

    protected String createIndex(CreateIndex op) {
        String parts = op.parts().stream()
                .map(part -> (part.column() != null ? quote(part.column()) : "(" + part.expression() + ")")
                        + (part.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", "));
        return "CREATE " + (op.unique() ? "UNIQUE " : "") + "INDEX "
                + (op.concurrently() && supportsConcurrentIndexes() ? "CONCURRENTLY " : "")
                + (op.ifNotExists() ? "IF NOT EXISTS " : "") + indexName(op.schema(), op.name()) + " ON "
                + qualify(op.schema(), op.table()) + " (" + parts + ")"
                + (op.where() != null ? " WHERE " + op.where() : "");
    }

    /** How an index is named where it is created; PostgreSQL puts it in its table's schema by itself. */
    protected String indexName(String schema, String name) {
        return quote(name);
    }

    protected String dropIndex(DropIndex op) {
        return "DROP INDEX " + (op.concurrently() && supportsConcurrentIndexes() ? "CONCURRENTLY " : "")
                + (op.ifExists() ? "IF EXISTS " : "") + qualify(op.schema(), op.name());
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?)}, with this dialect's placeholders for the first row's values. */
    public String insertStatement(BulkInsert op, List<Object> sample) {
        List<String> placeholders = new ArrayList<>();
        for (Object value : sample) {
            placeholders.add(placeholder(value));
        }
        return "INSERT INTO " + qualify(op.schema(), op.table()) + " (" + columnList(op.columns()) + ") VALUES ("
                + String.join(", ", placeholders) + ")";
    }

    // ---- the state tables and the lock --------------------------------------------------------------------

    /** Creates the version table: one row per applied head. */
    public String createVersionTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualify(schema, table) + " (\n    version_num VARCHAR(64) NOT NULL,\n    CONSTRAINT "
                + quote(table + "_pkc") + " PRIMARY KEY (version_num)\n)";
    }

    /** Creates the history table: one row per step, successful or not. */
    public String createHistoryTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualify(schema, table) + " (\n"
                + "    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
                + "    revision VARCHAR(64) NOT NULL,\n"
                + "    direction VARCHAR(16) NOT NULL,\n"
                + "    message VARCHAR(1000),\n"
                + "    checksum VARCHAR(64),\n"
                + "    started_at TIMESTAMP WITH TIME ZONE NOT NULL,\n"
                + "    duration_ms BIGINT,\n"
                + "    applied_by VARCHAR(200),\n"
                + "    success BOOLEAN,\n"
                + "    error VARCHAR(4000),\n"
                + "    tag VARCHAR(200)\n"
                + ")";
    }

    /**
     * An aggregate that joins {@code expression} over the rows into one text, a line per row in {@code orderBy}
     * order, skipping nulls: the standard {@code LISTAGG}.
     */
    public String joinLines(String expression, String orderBy) {
        return "LISTAGG(" + expression + ", CHAR(10)) WITHIN GROUP (ORDER BY " + orderBy + ")";
    }

    /**
     * Tries once, without waiting, to take the lock that serialises runs on one pair of state tables; returns the
     * lock's key when it was taken, {@code null} when another session holds it. The key is derived from the schema
     * the version table lives in as the connection resolves it, so that runs configured with and without the schema's
     * name take the same lock. The runner polls, so that a waiting process holds no snapshot that would block
     * {@code CREATE INDEX CONCURRENTLY} in the process that has the lock.
     *
     * @param schema the state tables' schema, or {@code null} for wherever the connection finds (or would create)
     *     the version table
     */
    public abstract Long tryLock(Connection connection, String schema, String versionTable) throws SQLException;

    public abstract void unlock(Connection connection, long key) throws SQLException;

    /**
     * A stable 64-bit key for a lock name: its FNV-1a hash. Not a cryptographic digest: keys only need to differ,
     * and a digest costs a cold start several milliseconds to set up.
     */
    protected static long lockKey(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /**
     * Why SQL revision files cannot run on this connection, or {@code null} when they can: they are split into
     * statements as the database reads them by default, and a connection set up to read literals otherwise would
     * see other statements.
     */
    public String problemWithSqlFiles(Connection connection) throws SQLException {
        return null;
    }

    /** An index's name, and its name qualified and quoted as SQL can use it. */
    public record IndexName(String name, String qualified) {
    }

    /**
     * Indexes the database holds but does not use because their build failed (PostgreSQL's {@code indisvalid}):
     * what a {@code CREATE INDEX CONCURRENTLY} that fails leaves behind. None where such builds do not exist.
     */
    public List<IndexName> invalidIndexNames(Connection connection) throws SQLException {
        return List.of();
    }

    /**
     * SQLStates that mean "no such table" (or no such schema), used to create the state tables on first use:
     * PostgreSQL's 42P01 and 3F000, the standard 42S02, H2's 42S04 and 90079.
     */
    public boolean isUndefinedTable(SQLException ex) {
        return Set.of("42P01", "3F000", "42S02", "42S04", "90079").contains(ex.getSQLState());
    }

    /** SQLStates that mean "no such column": PostgreSQL's 42703, H2's 42122. */
    public boolean isUndefinedColumn(SQLException ex) {
        return Set.of("42703", "42122").contains(ex.getSQLState());
    }

    /** The dialect for the database behind a connection. */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return new PostgresDialect();
        }
        if (product.equals("h2")) {
            return new H2Dialect();
        }
        throw new MigrateException("Migrate has no dialect for the database '" + product
                + "'; supported are PostgreSQL and H2.");
    }
}
