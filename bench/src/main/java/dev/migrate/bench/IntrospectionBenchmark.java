package dev.migrate.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.SchemaComparison;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
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
        }
    }
}
