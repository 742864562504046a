package dev.migrate.schema;

import java.sql.Connection;
import java.sql.DriverManager;
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
 * <li>PostgreSQL: in a new schema, inside a transaction on the live connection that is rolled back (its DDL is
 * transactional); {@code search_path} puts the scratch schema first, so unqualified names land there.
 * <li>H2: in a private in-memory database with the live one's compatibility settings, closed afterwards.
 * </ul>
 */
public final class ScratchSchema {

    /** The database cannot give a scratch schema (no privilege to create one); the caller may fall back. */
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
        String scratch = "migrate_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        boolean autoCommit = live.getAutoCommit();
        live.setAutoCommit(false);
        try (Statement statement = live.createStatement()) {
            try {
                statement.execute("CREATE SCHEMA " + scratch);
            }
            catch (SQLException ex) {
                throw new Unavailable("cannot create a scratch schema here (" + ex.getMessage().strip() + ")", ex);
            }
            statement.execute("SELECT set_config('search_path', '" + scratch + ", ' || current_setting('search_path'),"
                    + " true)");
            run(statement, ddl);
            return CheckConditions.settle(live, dialect, scratch, SchemaReader.of(dialect).read(live, scratch, Set.of()));
        }
        finally {
            live.rollback();
            live.setAutoCommit(autoCommit);
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
