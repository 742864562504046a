package dev.migrate.bench;

import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;

import dev.migrate.Migrate;

/**
 * One tool's run in a JVM of its own, as an application start would do it: {@code tool folder url [repeats]}.
 * Prints {@code millis <time of the migrate call, loading the revisions included>}; with repeats, also the median
 * of that many more calls in this JVM ({@code warm}), of twice as many after them ({@code steady}), and the round
 * trips of one more call ({@code roundtrips}).
 */
public final class ToolRun {

    private ToolRun() {
    }

    public static void main(String[] args) throws Exception {
        String tool = args[0];
        Path folder = Path.of(args[1]);
        String url = args[2];
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long started = System.nanoTime();
        run(tool, folder, url);
        System.out.println("millis " + (System.nanoTime() - started) / 1_000_000.0);
        if (repeats > 1) {
            // The same call again in this JVM, as a long-lived process or a test suite pays it: the first repeats
            // while the JIT is still compiling ("warm"), then twice as many more once it has settled ("steady").
            System.out.println("warm " + medianOf(repeats, tool, folder, url));
            System.out.println("steady " + medianOf(2 * repeats, tool, folder, url));
            // Once more through a relay that counts round trips (not timed).
            try (RoundTripCounter counter = RoundTripCounter.start(url)) {
                run(tool, folder, counter.relayed(url));
                System.out.println("roundtrips " + counter.roundTrips());
            }
        }
    }

    private static double medianOf(int calls, String tool, Path folder, String url) throws Exception {
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            run(tool, folder, url);
            millis[i] = (System.nanoTime() - started) / 1_000_000.0;
        }
        return Measurement.median(millis);
    }

    private static void run(String tool, Path folder, String url) throws Exception {
        switch (tool) {
            case "migrate" -> Migrate.builder().dataSource(dataSource(url)).locations("filesystem:" + folder.resolve("migrate"))
                    .build().upgrade("heads");
            case "migrate, one tx" -> Migrate.builder().dataSource(dataSource(url))
                    .locations("filesystem:" + folder.resolve("migrate")).transactionPerRevision(false).build()
                    .upgrade("heads");
            case "flyway" -> Flyway.configure().dataSource(url, BenchDatabase.USER, BenchDatabase.PASSWORD)
                    .locations("filesystem:" + folder.resolve("flyway")).load().migrate();
            case "flyway, group" -> Flyway.configure().dataSource(url, BenchDatabase.USER, BenchDatabase.PASSWORD)
                    .locations("filesystem:" + folder.resolve("flyway")).group(true).load().migrate();
            case "liquibase" -> {
                try (Connection connection = BenchDatabase.connect(url)) {
                    Database database = DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                    try (Liquibase liquibase = new Liquibase("changelog.sql",
                            new DirectoryResourceAccessor(folder.resolve("liquibase")), database)) {
                        liquibase.update();
                    }
                }
            }
            default -> throw new IllegalArgumentException("no tool " + tool);
        }
    }

    static DataSource dataSource(String url) {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(BenchDatabase.USER);
        dataSource.setPassword(BenchDatabase.PASSWORD);
        return dataSource;
    }
}
