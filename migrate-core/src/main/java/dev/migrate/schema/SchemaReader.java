package dev.migrate.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;

/** Reads a live schema from the database's catalog. */
public interface SchemaReader {

    /**
     * Reads the tables, sequences and (PostgreSQL) enum types of a schema.
     *
     * @param schema the schema, or {@code null} for the connection's current one
     * @param ignoredTables tables to leave out (Migrate's own)
     */
    Schema read(Connection connection, String schema, Set<String> ignoredTables) throws SQLException;

    /** How many statements the last {@link #read} sent, for benchmarks: it must not grow with the tables. */
    int roundTrips();

    static SchemaReader of(Dialect dialect) {
        return switch (dialect.name()) {
            case "postgresql" -> new PostgresSchemaReader();
            case "h2" -> new H2SchemaReader();
            default -> throw new MigrateException("Autogenerate cannot read " + dialect.name() + " schemas yet.");
        };
    }
}
