package dev.migrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.SchemaComparison;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.schema.ScratchSchema;
import dev.migrate.dialect.PostgresDialect;

/**
 * Autogenerate's cost on a large schema: reading 1,000 tables from PostgreSQL's catalog and comparing them, with the
 * number of statements the read sends; then building an entity model of the same tables in a scratch schema first,
 * as autogenerate does, next to what PostgreSQL itself needs for that DDL (psql, rolled back).
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
            List<String> statements = new ArrayList<>();
            for (int i = 1; i <= tables; i++) {
                for (String statement : BenchDatabase.tableDdl(i).split(";\n")) {
                    if (!statement.isBlank()) {
                        statements.add(statement);
                    }
                }
            }
            int scratchRounds = Math.max(3, rounds / 2);
            Measurement autogenerate = Measurement.of(String.format("scratch build + introspect + compare, %,d tables",
                    tables), 1, scratchRounds, () -> {
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
            // PostgreSQL's own cost of the same DDL, through psql and rolled back: in a temporary schema (where
            // autogenerate builds it), in a schema of its own, and the tables alone without keys or indexes.
            Path scripts = Files.createTempDirectory("migrate-bench-scratch");
            String body = String.join(";\n", statements) + ";\n";
            String bare = body.replaceAll(" PRIMARY KEY", "")
                    .replaceAll(", parent_id bigint CONSTRAINT \\w+ REFERENCES \\w+ \\(id\\)", "")
                    .replaceAll("CREATE INDEX [^;]*;\n", "");
            System.out.println(floor("psql, same DDL, temporary schema", scripts, "SET LOCAL search_path = pg_temp;\n"
                    + body, url, scratchRounds).row());
            System.out.println(floor("psql, same DDL, a schema of its own", scripts, "CREATE SCHEMA floor_scratch;\n"
                    + "SET LOCAL search_path = floor_scratch;\n" + body, url, scratchRounds).row());
            System.out.println(floor(String.format("psql, %,d tables alone, temporary", tables), scripts,
                    "SET LOCAL search_path = pg_temp;\n" + bare, url, scratchRounds).row());
            try (var files = Files.list(scripts)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(scripts);
            System.out.printf(Locale.ROOT, "%ntarget %-52s %5.2fx  %s%n", "autogenerate within 2x introspect + compare",
                    autogenerate.median() / measurement.median(),
                    autogenerate.median() <= 2 * measurement.median() ? "met" : "missed");
        }
    }

    /** psql running a script in a transaction it rolls back. */
    private static Measurement floor(String name, Path folder, String sql, String url, int rounds) throws IOException {
        Path script = Files.writeString(folder.resolve(name.replaceAll("\\W+", "-") + ".sql"),
                "BEGIN;\n" + sql + "ROLLBACK;\n");
        return Measurement.of(name, 1, rounds, () -> {
            try {
                BenchDatabase.psql(script, url, false);
            }
            catch (IOException | InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }
}