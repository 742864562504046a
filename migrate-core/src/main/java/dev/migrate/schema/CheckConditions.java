package dev.migrate.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.migrate.dialect.Dialect;

/**
 * Check conditions in the form the database keeps them in once it has read its own spelling back. PostgreSQL
 * rewrites a condition when it stores it ({@code tier IN ('A', 'B')} comes back as {@code (tier)::text = ANY
 * ((ARRAY['A'::character varying, ...])::text[])}), and rewrites that text again when it is given back (the casts
 * move): so a check made by Hibernate and the same check made from what the catalog showed differ in text, not in
 * meaning. Each condition is given to the database on a copy of its table until the text stops changing, and that
 * text is compared.
 */
public final class CheckConditions {

    private static final int MOST_ROUNDS = 4;

    private CheckConditions() {
    }

    /**
     * The schema with each check condition at its fixed point, worked out in a transaction that is rolled back (or,
     * when a transaction is under way, in it: its caller rolls back). PostgreSQL only; H2 keeps a condition as it was
     * read, and so does a session that can make no copy of a table (read-only, or allowed neither temporary tables
     * nor a schema).
     *
     * @param schema the schema the tables live in, or {@code null} for the connection's current one
     */
    public static Schema settle(Connection connection, Dialect dialect, String schema, Schema read)
            throws SQLException {
        if (!connection.getAutoCommit()) {
            return settled(connection, dialect, schema, read);
        }
        connection.setAutoCommit(false);
        try {
            return settled(connection, dialect, schema, read);
        }
        finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static Schema settled(Connection connection, Dialect dialect, String schema, Schema read) throws SQLException {
        if (!dialect.name().equals("postgresql") || read.tables().stream().allMatch(t -> t.checks().isEmpty())) {
            return read;
        }
        List<Schema.Table> tables = new ArrayList<>();
        int copy = 0;
        try (Statement statement = connection.createStatement()) {
            String place = placeForCopies(connection, statement);
            if (place == null) {
                // Nowhere to make a copy (a read-only session, say): the conditions are compared as they were read.
                return read;
            }
            for (Schema.Table table : read.tables()) {
                if (table.checks().isEmpty()) {
                    tables.add(table);
                    continue;
                }
                String copyName = place + ".migrate_check_copy_" + copy++;
                statement.execute("CREATE TABLE " + copyName + " (LIKE " + dialect.qualify(schema, table.name())
                        + ")");
                List<Schema.Check> checks = new ArrayList<>();
                for (Schema.Check check : table.checks()) {
                    checks.add(new Schema.Check(check.name(), settle(connection, statement, copyName, check.condition())));
                }
                tables.add(new Schema.Table(table.name(), table.columns(), table.primaryKey(), table.foreignKeys(),
                        table.uniques(), table.indexes(), checks, table.comment()));
            }
        }
        return new Schema(tables, read.sequences(), read.enumTypes(), read.otherObjects());
    }

    /**
     * Where the copies can go: among the session's temporary tables, else in a schema made for them (the caller's
     * rollback removes it), else nowhere ({@code null}).
     */
    private static String placeForCopies(Connection connection, Statement statement) throws SQLException {
        if (TemporaryTables.unusable(connection, false) == null) {
            return "pg_temp";
        }
        String schema = "migrate_settling_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Savepoint savepoint = connection.setSavepoint();
        try {
            statement.execute("CREATE SCHEMA " + schema);
            connection.releaseSavepoint(savepoint);
            return schema;
        }
        catch (SQLException ex) {
            connection.rollback(savepoint);
            return null;
        }
    }

    private static String settle(Connection connection, Statement statement, String copy, String condition)
            throws SQLException {
        String current = condition;
        for (int round = 0; round < MOST_ROUNDS; round++) {
            Savepoint savepoint = connection.setSavepoint();
            String next;
            try {
                statement.execute("ALTER TABLE " + copy + " ADD CONSTRAINT migrate_settling CHECK (" + current
                        + ") NOT VALID");
                try (ResultSet row = statement.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                        + "WHERE conname = 'migrate_settling' AND conrelid = '" + copy + "'::regclass")) {
                    row.next();
                    next = PostgresSchemaReader.checkCondition(row.getString(1));
                }
                statement.execute("ALTER TABLE " + copy + " DROP CONSTRAINT migrate_settling");
                connection.releaseSavepoint(savepoint);
            }
            catch (SQLException ex) {
                // A condition the copy cannot hold (it names something else): compared as it was read.
                connection.rollback(savepoint);
                return current;
            }
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return current;
    }
}
