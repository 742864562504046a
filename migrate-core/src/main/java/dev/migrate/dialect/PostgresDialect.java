package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrate.op.JsonValue;
import dev.migrate.op.Operation;

/**
 * PostgreSQL: transactional DDL, session-level advisory locks, {@code CREATE INDEX CONCURRENTLY}, JSONB and
 * native UUIDs.
 */
public final class PostgresDialect extends Dialect {

    /** PostgreSQL's reserved key words, and the non-reserved ones that cannot name a type or function. */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
            "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint",
            "create", "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze",
            "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner",
            "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral", "leading",
            "least", "left", "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none",
            "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out",
            "outer", "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references",
            "returning", "right", "row", "select", "session_user", "setof", "similar", "smallint", "some",
            "substring", "symmetric", "system_user", "table", "tablesample", "then", "time", "timestamp", "to",
            "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic",
            "verbose", "when", "where", "window", "with");

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public boolean supportsConcurrentIndexes() {
        return true;
    }

    @Override
    public boolean supportsEnumTypes() {
        return true;
    }

    @Override
    protected String createEnumType(Operation.CreateEnumType op) {
        return "CREATE TYPE " + qualify(op.schema(), op.name()) + " AS ENUM ("
                + String.join(", ", op.values().stream().map(this::stringLiteral).toList()) + ")";
    }

    @Override
    protected String addEnumValue(Operation.AddEnumValue op) {
        // IF NOT EXISTS: a downgrade cannot take a label away, so an upgrade run again finds it there.
        return "ALTER TYPE " + qualify(op.schema(), op.type()) + " ADD VALUE IF NOT EXISTS " + stringLiteral(op.value())
                + (op.before() != null ? " BEFORE " + stringLiteral(op.before())
                        : op.after() != null ? " AFTER " + stringLiteral(op.after()) : "");
    }

    @Override
    protected String dropEnumType(Operation.DropEnumType op) {
        return "DROP TYPE " + (op.ifExists() ? "IF EXISTS " : "") + qualify(op.schema(), op.name());
    }

    @Override
    public String setTimeout(String parameter, Duration value, boolean local) {
        if (!parameter.equals("lock_timeout") && !parameter.equals("statement_timeout")) {
            throw new IllegalArgumentException("Not a timeout: " + parameter);
        }
        if (value == null) {
            return local ? "SET LOCAL " + parameter + " TO DEFAULT" : "RESET " + parameter;
        }
        // Whole milliseconds, rounded up: 0 would mean no timeout at all.
        long millis = value.isZero() ? 0 : Math.max(1, (value.toNanos() + 999_999) / 1_000_000);
        return "SET " + (local ? "LOCAL " : "") + parameter + " = " + millis;
    }

    @Override
    public String currentSetting(Connection connection, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?)")) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    @Override
    public void restoreSetting(Connection connection, String parameter, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
            statement.setString(1, parameter);
            statement.setString(2, value);
            statement.execute();
        }
    }

    @Override
    public boolean isLockTimeout(SQLException failure) {
        return "55P03".equals(failure.getSQLState());
    }

    @Override
    protected Set<String> reservedWords() {
        return RESERVED;
    }

    /**
     * With {@code standard_conforming_strings} off, a backslash in a plain literal escapes what follows, so a value
     * holding one is written as an escape-string literal ({@code E'...'}, backslashes doubled), which reads the same
     * with the setting on or off; any other value as a plain literal.
     */
    @Override
    public String stringLiteral(String value) {
        String plain = super.stringLiteral(value);
        return value.indexOf('\\') < 0 ? plain : "E" + plain.replace("\\", "\\\\");
    }

    @Override
    protected String jsonLiteral(String json) {
        // An untyped literal takes the type of the json or jsonb column it goes into.
        return stringLiteral(json);
    }

    @Override
    protected String bytesLiteral(String hex) {
        return stringLiteral("\\x" + hex) + "::bytea";
    }

    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof JsonValue json) {
            // Sent untyped, so the server converts it to the column's json or jsonb type.
            statement.setObject(index, json.json(), Types.OTHER);
        }
        else {
            super.bind(statement, index, value);
        }
    }

    /** Sent untyped, so that the server compares it as the key column's type (uuid, bigint, ...). */
    @Override
    public void bindText(PreparedStatement statement, int index, String text) throws SQLException {
        statement.setObject(index, text, Types.OTHER);
    }

    @Override
    public String joinLines(String expression, String orderBy) {
        return "string_agg(" + expression + ", chr(10) ORDER BY " + orderBy + ")";
    }

    /**
     * Computes the key on the server, in the same statement that takes the lock: the version table's schema is found
     * as an unqualified name would be ({@code to_regclass} follows the {@code search_path}), or is the schema a new
     * table would go to. Also asks the server (PostgreSQL 14 and later) to check every second that the client is
     * still there, so that when a migrating process is killed its backend stops the statement under way and ends,
     * releasing the lock, instead of running on for as long as that statement takes.
     */
    @Override
    public Long tryLock(Connection connection, String schema, String versionTable) throws SQLException {
        int major = connection.getMetaData().getDatabaseMajorVersion();
        String hash = major >= 11 ? "hashtextextended(name, 0)" : "hashtext(name)::bigint";
        String sql = "SELECT pg_try_advisory_lock(key), key"
                + (major >= 14 ? ", set_config('client_connection_check_interval', '1000', false)" : "")
                + " FROM (SELECT " + hash + " AS key FROM (SELECT 'migrate:' || COALESCE(?, (SELECT n.nspname FROM "
                + "pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = "
                + "to_regclass(?)), current_schema(), '') || '.' || ? AS name) named) keyed";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema == null ? null : storedName(schema));
            statement.setString(2, schema == null ? quote(versionTable) : qualify(schema, versionTable));
            statement.setString(3, storedName(versionTable));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1) ? result.getLong(2) : null;
            }
        }
    }

    /** With {@code standard_conforming_strings} off, a backslash in a plain literal escapes the next character. */
    @Override
    public String problemWithSqlFiles(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW standard_conforming_strings")) {
            if (row.next() && "off".equals(row.getString(1))) {
                return "standard_conforming_strings is off for this connection, so the server reads a backslash in "
                        + "a plain string literal ('C:\\temp') as an escape. Migrate splits SQL files as PostgreSQL "
                        + "reads them with the setting on (its default since 9.1) and would send statements the server "
                        + "reads differently. Turn it on for the database or role (ALTER DATABASE ... SET "
                        + "standard_conforming_strings = on), or write the revision in Java.";
            }
            return null;
        }
    }

    @Override
    public List<IndexName> invalidIndexNames(Connection connection) throws SQLException {
        List<IndexName> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT c.relname, quote_ident(n.nspname) || '.' || "
                        + "quote_ident(c.relname) FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = "
                        + "i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE NOT i.indisvalid "
                        + "ORDER BY 2")) {
            while (rows.next()) {
                names.add(new IndexName(rows.getString(1), rows.getString(2)));
            }
        }
        return names;
    }

    @Override
    public void unlock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        }
    }
}
