package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Set;

import dev.migrate.op.JsonValue;

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
    protected Set<String> reservedWords() {
        return RESERVED;
    }

    @Override
    protected String jsonLiteral(String json) {
        // An untyped literal takes the type of the json or jsonb column it goes into.
        return dev.migrate.op.SqlLiteral.string(json);
    }

    @Override
    protected String bytesLiteral(String hex) {
        return "'\\x" + hex + "'::bytea";
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

    /**
     * Also asks the server (PostgreSQL 14 and later) to check every second that the client is still there, so that
     * when a migrating process is killed its backend stops the statement under way and ends, releasing the lock,
     * instead of running on for as long as that statement takes.
     */
    /** Sent untyped, so that the server compares it as the key column's type (uuid, bigint, ...). */
    @Override
    public void bindText(PreparedStatement statement, int index, String text) throws SQLException {
        statement.setObject(index, text, Types.OTHER);
    }

    @Override
    public String joinLines(String expression, String orderBy) {
        return "string_agg(" + expression + ", chr(10) ORDER BY " + orderBy + ")";
    }

    @Override
    public boolean tryLock(Connection connection, long key) throws SQLException {
        String sql = connection.getMetaData().getDatabaseMajorVersion() >= 14
                ? "SELECT pg_try_advisory_lock(?), set_config('client_connection_check_interval', '1000', false)"
                : "SELECT pg_try_advisory_lock(?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    @Override
    public void unlock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        }
    }
}
