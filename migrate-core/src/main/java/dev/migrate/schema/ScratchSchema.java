package dev.migrate.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;

/**
 * The schema some DDL builds, as the database's catalog reports it: the DDL runs where nothing else can see it and
 * nothing remains afterwards, and the same catalog reader that reads the live schema reads the result. So the schema
 * an ORM asks for and the live one are compared in the database's own spelling of types, defaults and checks.
 *
 * <ul>
 * <li>PostgreSQL: on the live connection, undone afterwards (its DDL is transactional; a transaction of the caller's
 * own keeps what it held), in the session's temporary schema when the session may use it and holds nothing there:
 * temporary tables and indexes are neither WAL-logged nor synced to disk, which roughly halves what a large model
 * costs to build, and creating them needs only the {@code TEMPORARY} privilege PUBLIC has by default. Otherwise, or
 * when the DDL fails there (a temporary table may not reference a permanent one, and functions made beside it are
 * not found), in a new schema of its own, which needs {@code CREATE} on the database. The scratch schema comes first
 * in {@code search_path}, so unqualified names land there, and the temporary schema last, so that no temporary table
 * of the session's stands in for another. What remains: a session that has used temporary tables keeps its local
 * buffers ({@code temp_buffers}, 8 MB by default) and may no longer change that setting.
 * <li>H2: in a private in-memory database with the live one's compatibility settings, closed afterwards.
 * </ul>
 */
public final class ScratchSchema {

    /** No scratch schema can be made here (privileges, a read-only session), and the message says why. */
    public static final class Unavailable extends Exception {

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ScratchSchema() {
    }

    /**
     * Runs {@code ddl} in a scratch schema next to the live connection's database and reads what it built.
     *
     * @param live left as it was found: its auto-commit, its settings, and its transaction's work, if one is open
     * @throws Unavailable when no scratch schema can be made here
     * @throws MigrateException naming the statement, when the DDL fails (the first revision would fail the same way)
     */
    public static Schema build(Connection live, Dialect dialect, List<String> ddl) throws Unavailable, SQLException {
        return switch (dialect.name()) {
            case "postgresql" -> onPostgres(live, dialect, ddl);
            case "h2" -> onH2(live, dialect, ddl);
            default -> throw new Unavailable(dialect.name() + " has no scratch schema", null);
        };
    }

    private static Schema onPostgres(Connection live, Dialect dialect, List<String> ddl)
            throws Unavailable, SQLException {
        try (Undo undo = new Undo(live)) {
            String notTemporary = TemporaryTables.unusable(live, true);
            if (notTemporary == null) {
                try {
                    return inTransaction(live, dialect, ddl, null, undo);
                }
                catch (MigrateException failedThere) {
                    // Temporary tables may not reference permanent ones, nor be checked by functions made beside
                    // them: a schema of its own may still take the DDL.
                    notTemporary = "its DDL fails there: " + failedThere.getCause().getMessage().strip();
                    undo.undo();
                }
            }
            try {
                return inTransaction(live, dialect, ddl, ownSchemaName(), undo);
            }
            catch (Unavailable noSchema) {
                throw new Unavailable("cannot build the model in a scratch schema here: not among temporary tables ("
                        + notTemporary + "), nor in a schema of its own (" + noSchema.getMessage() + ")", noSchema);
            }
        }
    }

    private static String ownSchemaName() {
        return "migrate_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /**
     * Builds and reads the DDL; {@code undo} takes it all back afterwards.
     *
     * @param schema a schema to create and build in, or {@code null} for the session's temporary schema
     */
    private static Schema inTransaction(Connection live, Dialect dialect, List<String> ddl, String schema, Undo undo)
            throws Unavailable, SQLException {
        try (Statement statement = live.createStatement()) {
            prepare(statement, schema);
            try {
                runBatched(statement, ddl);
            }
            catch (SQLException batchFailed) {
                // A failed batch does not say which statement failed: replay one at a time to name it.
                undo.undo();
                prepare(statement, schema);
                run(statement, ddl);
            }
            String built = schema != null ? schema : temporarySchemaName(statement);
            if (built == null) {
                // Nothing was created, so the session never made its temporary schema: the DDL built nothing.
                return new Schema(List.of(), List.of());
            }
            return CheckConditions.settle(live, dialect, built, SchemaReader.of(dialect).read(live, built, Set.of()));
        }
    }

    private static void prepare(Statement statement, String schema) throws Unavailable, SQLException {
        if (schema == null) {
            statement.execute("SELECT set_config('search_path', 'pg_temp, ' || current_setting('search_path'), true)");
            return;
        }
        try {
            statement.execute("CREATE SCHEMA " + schema);
        }
        catch (SQLException ex) {
            throw new Unavailable(ex.getMessage().strip(), ex);
        }
        // The session's temporary schema goes last, wherever the session's path named it: unnamed, PostgreSQL looks
        // there first, and a temporary table of the session's own would stand in for a table of the same name.
        statement.execute("SELECT set_config('search_path', concat_ws(', ', '" + schema + "', (SELECT"
                + " string_agg(quote_ident(entry), ', ' ORDER BY place) FROM unnest(current_schemas(false))"
                + " WITH ORDINALITY AS path(entry, place) WHERE entry NOT LIKE 'pg\\_temp\\_%'), 'pg_temp'), true)");
    }

    private static String temporarySchemaName(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery(
                "SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static Schema onH2(Connection live, Dialect dialect, List<String> ddl) throws Unavailable, SQLException {
        String url = "jdbc:h2:mem:migrate_scratch_" + UUID.randomUUID().toString().replace("-", "")
                + compatibility(live.getMetaData().getURL());
        try (Connection scratch = DriverManager.getConnection(url, "sa", "");
                Statement statement = scratch.createStatement()) {
            run(statement, ddl);
            return SchemaReader.of(dialect).read(scratch, null, Set.of());
        }
    }

    /**
     * Takes back everything the build did, and only that: a transaction of the caller's own keeps what it held
     * before (the build runs under a savepoint in it); otherwise the build's own transaction is rolled back and the
     * connection returned to auto-commit.
     */
    private static final class Undo implements AutoCloseable {

        private final Connection connection;

        private final boolean autoCommit;

        private final Savepoint start;

        Undo(Connection connection) throws SQLException {
            this.connection = connection;
            this.autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            this.start = connection.setSavepoint();
        }

        void undo() throws SQLException {
            connection.rollback(start);
        }

        @Override
        public void close() throws SQLException {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            else {
                connection.rollback(start);
                connection.releaseSavepoint(start);
            }
        }
    }

    /** The settings of an H2 URL that change how DDL is read ({@code ;MODE=PostgreSQL}, ...). */
    static String compatibility(String url) {
        StringBuilder settings = new StringBuilder();
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            String key = parts[i].split("=", 2)[0].strip().toUpperCase(Locale.ROOT);
            if (Set.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER", "CASE_INSENSITIVE_IDENTIFIERS",
                    "NON_KEYWORDS", "DEFAULT_NULL_ORDERING", "IGNORECASE").contains(key)) {
                settings.append(';').append(parts[i].strip());
            }
        }
        return settings.toString();
    }

    /** One round trip for the whole DDL rather than one per statement. */
    private static void runBatched(Statement statement, List<String> ddl) throws SQLException {
        for (String sql : ddl) {
            statement.addBatch(sql);
        }
        statement.executeBatch();
    }

    private static void run(Statement statement, List<String> ddl) throws SQLException {
        for (String sql : ddl) {
            try {
                statement.execute(sql);
            }
            catch (SQLException ex) {
                throw new MigrateException("The entity model's own DDL fails on this database, so a revision made "
                        + "from it would fail too. Statement:\n    " + sql + "\nDatabase error: [SQLState "
                        + ex.getSQLState() + "] " + ex.getMessage().strip(), ex);
            }
        }
    }
}
