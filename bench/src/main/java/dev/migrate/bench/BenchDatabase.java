package dev.migrate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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
