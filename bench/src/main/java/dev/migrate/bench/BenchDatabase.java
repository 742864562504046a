package dev.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A freshly created PostgreSQL database per benchmark case, on the server named by MIGRATE_BENCH_POSTGRES_URL. */
final class BenchDatabase {

    static final String ADMIN_URL = System.getenv().getOrDefault("MIGRATE_BENCH_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");

    static final String USER = System.getenv().getOrDefault("MIGRATE_BENCH_POSTGRES_USER", "postgres");

    static final String PASSWORD = System.getenv().getOrDefault("MIGRATE_BENCH_POSTGRES_PASSWORD", "");

    private BenchDatabase() {
    }

    /** Drops and creates the database, then checkpoints; returns its JDBC URL. */
    static String fresh(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
            // Every case starts with nothing left for the checkpointer to write from the one before it.
            statement.execute("CHECKPOINT");
        }
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** Runs a script through psql: in one transaction ({@code -1}), or as written. */
    static double psql(Path script, String url, boolean oneTransaction) throws IOException, InterruptedException {
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", uri.getHost(),
                "-p", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()), "-U", USER, "-d",
                uri.getPath().substring(1), "-f", script.toString()));
        if (oneTransaction) {
            command.add(1, "-1");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PASSWORD);
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed:\n" + output);
        }
        return (System.nanoTime() - started) / 1_000_000.0;
    }

    /** The DDL of table {@code i}: a primary key, a not-null varchar, a timestamptz default, an FK, an index. */
    static String tableDdl(int i) {
        String table = String.format("t%04d", i);
        StringBuilder sql = new StringBuilder("CREATE TABLE " + table + " (id bigint PRIMARY KEY, name varchar(100) NOT NULL, "
                + "created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP");
        if (i > 1) {
            sql.append(", parent_id bigint CONSTRAINT fk_").append(table).append(" REFERENCES ")
                    .append(String.format("t%04d", i - 1)).append(" (id)");
        }
        sql.append(");\nCREATE INDEX ix_").append(table).append("_name ON ").append(table).append(" (name);\n");
        return sql.toString();
    }
}
