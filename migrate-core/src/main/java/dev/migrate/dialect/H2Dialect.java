package dev.migrate.dialect;

import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import dev.migrate.op.ColumnType;
import dev.migrate.op.JsonValue;
import dev.migrate.op.Operation.AlterColumn;
import dev.migrate.op.SqlLiteral;

/**
 * H2, the embedded default. DDL commits on its own, so a failed revision can leave the statements before the
 * failing one applied. No partial or expression indexes, no deferrable constraints, no {@code USING}; the
 * PostgreSQL-only {@code CONCURRENTLY} is ignored. The run lock is held within this JVM: an embedded H2 file
 * database admits one process at a time anyway.
 */
public final class H2Dialect extends Dialect {

    /** H2's key words (its documentation's list), which must be quoted to be names. */
    private static final Set<String> RESERVED = Set.of("_rowid_", "all", "and", "any", "array", "as", "asymmetric",
            "authorization", "between", "both", "case", "cast", "check", "constraint", "cross", "current_catalog",
            "current_date", "current_path", "current_role", "current_schema", "current_time", "current_timestamp",
            "current_user", "day", "default", "distinct", "else", "end", "except", "exists", "false", "fetch", "for",
            "foreign", "from", "full", "group", "groups", "having", "hour", "if", "ilike", "in", "inner", "intersect",
            "interval", "is", "join", "key", "leading", "left", "like", "limit", "localtime", "localtimestamp",
            "minus", "minute", "month", "natural", "not", "null", "offset", "on", "or", "order", "over", "partition",
            "primary", "qualify", "range", "regexp", "right", "row", "rownum", "rows", "second", "select",
            "session_user", "set", "some", "symmetric", "system_user", "table", "to", "top", "trailing", "true",
            "uescape", "union", "unique", "unknown", "user", "using", "value", "values", "when", "where", "window",
            "with", "year");

    private static final ConcurrentHashMap<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean supportsPartialIndexes() {
        return false;
    }

    @Override
    public boolean supportsExpressionIndexes() {
        return false;
    }

    @Override
    public boolean supportsDeferrableConstraints() {
        return false;
    }

    @Override
    public boolean supportsAlterTypeUsing() {
        return false;
    }

    @Override
    protected Set<String> reservedWords() {
        return RESERVED;
    }

    /** H2 has no text, jsonb or bytea: unbounded character varying, json and varbinary hold the same. */
    @Override
    public String type(ColumnType type) {
        return switch (type.kind()) {
            case TEXT -> "character varying";
            case JSONB -> "json";
            case BYTES -> "varbinary";
            default -> super.type(type);
        };
    }

    @Override
    protected String jsonLiteral(String json) {
        return "JSON " + stringLiteral(json);
    }

    @Override
    protected String bytesLiteral(String hex) {
        return "X'" + hex + "'";
    }

    @Override
    public String placeholder(Object value) {
        return value instanceof JsonValue ? "? FORMAT JSON" : "?";
    }

    /** H2 folds bare names to upper case. */
    @Override
    public String storedName(String identifier) {
        return quote(identifier).startsWith("\"") ? identifier : identifier.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    protected String alterType(AlterColumn op) {
        return " SET DATA TYPE " + type(op.type());
    }

    @Override
    protected String dropNotNull() {
        return " SET NULL";
    }

    @Override
    protected String renameColumn(AlterColumn op) {
        return "ALTER TABLE " + qualify(op.schema(), op.table()) + " ALTER COLUMN " + quote(op.column()) + " RENAME TO "
                + quote(op.newName());
    }

    @Override
    protected String indexName(String schema, String name) {
        return qualify(schema, name);
    }

    /** The key is computed here: H2 runs in this JVM, and its current schema is known without a round trip. */
    @Override
    public Long tryLock(Connection connection, String schema, String versionTable) throws java.sql.SQLException {
        String resolved = schema != null ? storedName(schema) : connection.getSchema();
        long key = lockKey("migrate:" + resolved + "." + storedName(versionTable));
        return lockFor(connection, key).tryLock() ? key : null;
    }

    @Override
    public void unlock(Connection connection, long key) throws java.sql.SQLException {
        ReentrantLock lock = lockFor(connection, key);
        if (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    private static ReentrantLock lockFor(Connection connection, long key) throws java.sql.SQLException {
        return LOCKS.computeIfAbsent(connection.getMetaData().getURL() + "#" + key, any -> new ReentrantLock());
    }
}
