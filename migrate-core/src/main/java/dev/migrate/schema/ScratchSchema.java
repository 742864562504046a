package dev.migrate.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * <li>PostgreSQL: inside a transaction on the live connection that is rolled back (its DDL is transactional), in the
 * session's own temporary schema when it is empty: temporary tables and indexes are neither WAL-logged nor synced to
 * disk, which roughly halves what a large model costs to build, and creating them needs only the {@code TEMPORARY}
 * privilege every user has by default. Otherwise (the pooled session holds temporary tables of its own, the
 * privilege is revoked, or the DDL needs a permanent table, as a foreign key to a table outside the model does) in a
 * new schema of its own, with the temporary schema last in {@code search_path}. The scratch schema comes first in
 * {@code search_path}, so unqualified names land there.
 * <li>H2: in a private in-memory database with the live one's compatibility settings, closed afterwards.
 * </ul>
 */
public final class ScratchSchema {

    /**
     * The database cannot give a scratch schema (no privilege to create one, a read-only session); the caller may
     * fall back.
     */
    public static final class Unavailable extends Exception {

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The session may create temporary objects, and has none a model's could collide with or be read with. */
    private static final String TEMPORARY_SCHEMA_IS_FREE = "SELECT has_database_privilege(current_database(),"
            + " 'TEMPORARY') AND current_setting('transaction_read_only') = 'off'"
            + " AND NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = pg_my_temp_schema())"
            + " AND NOT EXISTS (SELECT 1 FROM pg_type WHERE typnamespace = pg_my_temp_schema())";

    private ScratchSchema() {
    }

    /**
     * Runs {@code ddl} in a scratch schema next to the live connection's database and reads what it built.
     *
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
        boolean autoCommit = live.getAutoCommit();
        live.setAutoCommit(false);
        try {
            if (temporarySchemaIsFree(live)) {
                try {
                    return inTransaction(live, dialect, ddl, null);
                }
                catch (MigrateException failedThere) {
                    // Temporary tables cannot reference permanent ones: a schema of its own may still take the DDL.
                    live.rollback();
                    try {
                        return inTransaction(live, dialect, ddl, ownSchemaName());
                    }
                    catch (Unavailable noSchema) {
                        throw new MigrateException(failedThere.getMessage() + "\n(It ran in the session's temporary "
                                + "schema; no schema of its own could be made to try it there: " + noSchema.getMessage()
                                + ".)", failedThere.getCause());
                    }
                }
            }
            return inTransaction(live, dialect, ddl, ownSchemaName());
        }
        finally {
            live.rollback();
            live.setAutoCommit(autoCommit);
        }
    }

    private static boolean temporarySchemaIsFree(Connection live) throws SQLException {
        try (Statement statement = live.createStatement();
                ResultSet row = statement.executeQuery(TEMPORARY_SCHEMA_IS_FREE)) {
            return row.next() && row.getBoolean(1);
        }
        finally {
            live.rollback();
        }
    }

    private static String ownSchemaName() {
        return "migrate_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /**
     * Builds and reads the DDL in the current transaction, which the caller rolls back.
     *
     * @param schema a schema to create and build in, or {@code null} for the session's temporary schema
     */
    private static Schema inTransaction(Connection live, Dialect dialect, List<String> ddl, String schema)
            throws Unavailable, SQLException {
        try (Statement statement = live.createStatement()) {
            prepare(statement, schema);
            try {
                runBatched(statement, ddl);
            }
            catch (SQLException batchFailed) {
                // A failed batch does not say which statement failed: replay one at a time to name it.
                live.rollback();
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
            throw new Unavailable("cannot create a scratch schema here (" + ex.getMessage().strip() + ")", ex);
        }
        // The session's temporary schema goes last: unnamed, PostgreSQL looks there first, and a temporary table of
        // the session's own would stand in for a model table of the same name.
        statement.execute("SELECT set_config('search_path', '" + schema + ", ' || current_setting('search_path')"
                + " || ', pg_temp', true)");
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
