package dev.migrate.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a PostgreSQL session can work among temporary tables: they cost the least to build (no WAL, no sync to
 * disk) and need only the {@code TEMPORARY} privilege, which PUBLIC has by default.
 */
final class TemporaryTables {

    private static final String STATE = "SELECT has_database_privilege(current_database(), 'TEMPORARY'),"
            + " current_setting('transaction_read_only') = 'on',"
            + " EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = pg_my_temp_schema())"
            + " OR EXISTS (SELECT 1 FROM pg_type WHERE typnamespace = pg_my_temp_schema())";

    private TemporaryTables() {
    }

    /**
     * Why the session cannot use temporary tables, or {@code null} when it can.
     *
     * @param toThemselves whether they must be the only temporary objects (so that reading the temporary schema reads
     * nothing of the session's own)
     */
    static String unusable(Connection connection, boolean toThemselves) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(STATE)) {
            row.next();
            if (!row.getBoolean(1)) {
                return "the user may not create temporary tables in this database";
            }
            if (row.getBoolean(2)) {
                return "the session is read-only";
            }
            if (toThemselves && row.getBoolean(3)) {
                return "the session holds temporary objects of its own";
            }
            return null;
        }
    }
}
