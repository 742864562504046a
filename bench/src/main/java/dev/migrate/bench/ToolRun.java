package dev.migrate.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import dev.migrate.Migrate;

/**
 * One tool's run in a JVM of its own, set up as an application is before its migration tool runs: logging is
 * configured and a connection pool (HikariCP, as Spring Boot uses) holds open connections, so the timed call is what
 * the tool itself adds to a start; the whole-process time the caller measures includes that set-up.
 * Usage: {@code tool folder url [repeats]}. Prints {@code millis <time of the first migrate call, reading the
 * revisions included>}; with repeats, also the median of that many more calls in this JVM ({@code warm}), of twice
 * as many after them ({@code steady}), and the round trips of one more call on a connection of its own
 * ({@code roundtrips}).
 */
public final class ToolRun {

    /** Enough for any of the tools (Flyway uses two connections); all are open before the first call. */
    private static final int POOL_SIZE = 3;

    private ToolRun() {
    }

    public static void main(String[] args) throws Exception {
        String tool = args[0];
        Path folder = Path.of(args[1]);
        String url = args[2];
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        // As Spring Boot sets logging up: java.util.logging (Liquibase's) goes through SLF4J to Logback, which keeps
        // warnings only, for every tool.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        LoggerFactory.getLogger(ToolRun.class).debug("logging is set up before the tool runs, as in an application");
        try (HikariDataSource pool = pool(url)) {
            long started = System.nanoTime();
            run(tool, folder, pool);
            System.out.println("millis " + (System.nanoTime() - started) / 1_000_000.0);
            if (repeats > 1) {
                // The same call again in this JVM, as a long-lived process or a test suite pays it: the first repeats
                // while the JIT is still compiling ("warm"), then twice as many more once it has settled ("steady").
                System.out.println("warm " + medianOf(repeats, tool, folder, pool));
                System.out.println("steady " + medianOf(2 * repeats, tool, folder, pool));
                // Once more through a relay that counts round trips (not timed); a plain connection of its own, so
                // that the count holds the tool's statements and the driver's own at connect, not the pool's checks.
                try (RoundTripCounter counter = RoundTripCounter.start(url)) {
                    run(tool, folder, dataSource(counter.relayed(url)));
                    System.out.println("roundtrips " + counter.roundTrips());
                }
            }
        }
    }

    /**
     * The same pool for every tool, filled before the first call: the driver is loaded and connections are open, as
     * in an application whose pool has started (the first connection is paid by the application either way).
     */
    private static HikariDataSource pool(String url) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(BenchDatabase.USER);
        config.setPassword(BenchDatabase.PASSWORD);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        HikariDataSource pool = new HikariDataSource(config);
        Connection[] open = new Connection[POOL_SIZE];
        for (int i = 0; i < POOL_SIZE; i++) {
            open[i] = pool.getConnection();
        }
        for (Connection connection : open) {
            connection.close();
        }
        return pool;
    }

    private static double medianOf(int calls, String tool, Path folder, DataSource dataSource) throws Exception {
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            run(tool, folder, dataSource);
            millis[i] = (System.nanoTime() - started) / 1_000_000.0;
        }
        return Measurement.median(millis);
    }

    private static void run(String tool, Path folder, DataSource dataSource) throws Exception {
        switch (tool) {
            case "migrate" -> Migrate.builder().dataSource(dataSource).locations("filesystem:" + folder.resolve("migrate"))
                    .build().upgrade("heads");
            case "migrate, one tx" -> Migrate.builder().dataSource(dataSource)
                    .locations("filesystem:" + folder.resolve("migrate")).transactionPerRevision(false).build()
                    .upgrade("heads");
            case "flyway" -> Flyway.configure().dataSource(dataSource).locations("filesystem:" + folder.resolve("flyway"))
                    .load().migrate();
            case "flyway, group" -> Flyway.configure().dataSource(dataSource)
                    .locations("filesystem:" + folder.resolve("flyway")).group(true).load().migrate();
            case "liquibase" -> {
                try (Connection connection = dataSource.getConnection()) {
                    Database database = DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                    try (Liquibase liquibase = new Liquibase("changelog.sql",
                            new DirectoryResourceAccessor(folder.resolve("liquibase")), database)) {
                        // Its per-changeset messages go to the log rather than to standard output, as Spring Boot's
                        // Liquibase support has them (spring.liquibase.ui-service=logger).
                        Scope.child(Scope.Attr.ui, new LoggerUIService(), liquibase::update);
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
