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

    /**
     * The column's type, or {@code null} when it is not known.
     *
     * @param table the table's name as a statement wrote it (schema-qualified or not, quoted or not)
     * @param column the column's name as PostgreSQL resolved it
     */
    String typeOf(String table, String column);

    /** A constraint's definition ({@code CHECK ((email IS NOT NULL))}), or {@code null} when it is not known. */
    default String constraintDefinition(String table, String constraint) {
        return null;
    }

    /** Reads types and constraints from the catalog of a PostgreSQL database, looking tables up on its search path. */
    static ColumnTypes of(DataSource dataSource) {
        return new ColumnTypes() {
            @Override
            public String typeOf(String table, String column) {
                return query("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a "
                        + "WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND NOT a.attisdropped", table, column);
            }

            @Override
            public String constraintDefinition(String table, String constraint) {
                return query("SELECT pg_get_constraintdef(c.oid) FROM pg_catalog.pg_constraint c "
                        + "WHERE c.conrelid = to_regclass(?) AND c.conname = ?", table, constraint);
            }

            private String query(String sql, String table, String name) {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, StatementText.regclass(table));
                    statement.setString(2, name);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? rows.getString(1) : null;
                    }
                }
                catch (SQLException ex) {
                    throw new MigrateException("Cannot read " + table + "." + name + " from the catalog: "
                            + ex.getMessage(), ex);
                }
            }
        };
    }

}
