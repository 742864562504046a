package dev.migrate.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.SchemaComparison;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.schema.ScratchSchema;
import dev.migrate.dialect.PostgresDialect;

/**
 * Autogenerate's cost on a large schema: reading 1,000 tables from PostgreSQL's catalog and comparing them, with the
 * number of statements the read sends.
 */
public final class IntrospectionBenchmark {

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String url = BenchDatabase.fresh("migrate_bench_introspection");
        try (Connection connection = BenchDatabase.connect(url); Statement statement = connection.createStatement()) {
            StringBuilder ddl = new StringBuilder();
            for (int i = 1; i <= tables; i++) {
                ddl.append(BenchDatabase.tableDdl(i));
            }
            statement.execute(ddl.toString());
        }
        SchemaReader reader = SchemaReader.of(new PostgresDialect());
        int[] roundTrips = new int[1];
        int[] changes = new int[1];
        try (Connection connection = BenchDatabase.connect(url)) {
            Measurement measurement = Measurement.of(String.format("introspect + compare, %,d tables", tables), 3, rounds,
                    () -> {
                        try {
                            Schema live = reader.read(connection, null, Set.of());
                            roundTrips[0] = reader.roundTrips();
                            List<Change> diff = SchemaComparison.all().compare(live, live);
                            changes[0] = diff.size();
                            if (live.tables().size() != tables) {
                                throw new IllegalStateException("read " + live.tables().size() + " tables");
                            }
                        }
                        catch (java.sql.SQLException ex) {
                            throw new IllegalStateException(ex);
                        }
                    });
            System.out.println(measurement.row() + String.format("   round trips: %d, changes: %d", roundTrips[0],
                    changes[0]));
            // What autogenerate does for an entity model of the same tables: build the model's DDL in a scratch
            // schema (a transaction that is rolled back), read it and the live schema, compare.
            List<String> statements = new java.util.ArrayList<>();
            for (int i = 1; i <= tables; i++) {
                for (String statement : BenchDatabase.tableDdl(i).split(";\n")) {
                    if (!statement.isBlank()) {
                        statements.add(statement);
                    }
                }
            }
            Measurement autogenerate = Measurement.of(String.format("scratch build + introspect + compare, %,d tables",
                    tables), 1, Math.max(3, rounds / 2), () -> {
                        try {
                            Schema target = ScratchSchema.build(connection, new PostgresDialect(), statements);
                            Schema live = reader.read(connection, null, Set.of());
                            changes[0] = SchemaComparison.all().compare(target, live).size();
                        }
                        catch (java.sql.SQLException | ScratchSchema.Unavailable ex) {
                            throw new IllegalStateException(ex);
                        }
                    });
            System.out.println(autogenerate.row() + String.format("   changes: %d", changes[0]));
        }
    }
}
