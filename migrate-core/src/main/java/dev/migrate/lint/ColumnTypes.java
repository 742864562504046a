package dev.migrate.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrate.MigrateException;

/**
 * The current type of a column of the database being linted, as PostgreSQL's catalog spells it
 * ({@code format_type}: {@code character varying(100)}, {@code numeric(10,2)}), so that a type change can be told
 * safe or not.
 */
@FunctionalInterface
public interface ColumnTypes {

    /** No database: every type is unknown. */
    ColumnTypes UNKNOWN = (table, column) -> null;

    /** The column's type, or {@code null} when it is not known. */
    String typeOf(String table, String column);

    /** Reads types from the catalog of a PostgreSQL database, looking tables up on its search path. */
    static ColumnTypes of(DataSource dataSource) {
        return (table, column) -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement("SELECT format_type(a.atttypid, "
                            + "a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = to_regclass(?) "
                            + "AND a.attname = ? AND NOT a.attisdropped")) {
                statement.setString(1, quoteIdent(table));
                statement.setString(2, column);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
            catch (SQLException ex) {
                throw new MigrateException("Cannot read the type of " + table + "." + column + " from the catalog: "
                        + ex.getMessage(), ex);
            }
        };
    }

    private static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
