package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty database for one test class, dropped after it. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestDatabase db = TestDatabase.postgres();
 * }</pre>
 */
public abstract class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    private String name;

    /** A new database on the tests' PostgreSQL server ({@link PostgresServer}). */
    public static TestDatabase postgres() {
        return new Postgres();
    }

    /** A new in-memory H2 database. */
    public static TestDatabase h2() {
        return new H2();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String className = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        name = "mt_" + className.replaceAll("[^a-z0-9]", "").substring(0, Math.min(className.length(), 30)) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        create(name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        drop(name);
    }

    /** The database's name, unique to this test class and run. */
    public String name() {
        return name;
    }

    public abstract String jdbcUrl();

    public abstract String user();

    public abstract String password();

    /** Which database product this is: {@code postgresql} or {@code h2}. */
    public abstract String kind();

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    /** A plain, non-pooling data source: every call opens a new connection, as separate processes would. */
    public DataSource dataSource() {
        return new SimpleDataSource(this::connect);
    }

    /** Runs a query and returns the first column of each row as text, for assertions on the catalog. */
    public List<String> queryForStrings(String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection connection = connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.add(rows.getString(1));
            }
        }
        return result;
    }

    /** Runs statements, for setting up a test. */
    public void execute(String... sql) throws SQLException {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** Drops everything in the database, so that a test starts from an empty schema. */
    public void reset() throws SQLException {
        if (kind().equals("h2")) {
            execute("DROP ALL OBJECTS");
        }
        else {
            execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        }
    }

    protected abstract void create(String name) throws SQLException;

    protected abstract void drop(String name) throws SQLException;

    /** The same database, reached as another user (one with fewer privileges, say); it creates and drops nothing. */
    public static final class As extends TestDatabase {

        private final TestDatabase database;

        private final String user;

        public As(TestDatabase database, String user) {
            this.database = database;
            this.user = user;
        }

        @Override
        public String name() {
            return database.name();
        }

        @Override
        public String jdbcUrl() {
            return database.jdbcUrl();
        }

        @Override
        public String user() {
            return user;
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public String kind() {
            return database.kind();
        }

        @Override
        protected void create(String name) {
        }

        @Override
        protected void drop(String name) {
        }
    }

    static final class Postgres extends TestDatabase {

        private PostgresServer server;

        @Override
        protected void create(String name) throws SQLException {
            server = PostgresServer.get();
            try (Connection admin = server.connectAdmin(); var statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
        }

        @Override
        protected void drop(String name) throws SQLException {
            if (server == null) {
                return;
            }
            try (Connection admin = server.connectAdmin(); var statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }

        @Override
        public String jdbcUrl() {
            return server.urlOf(name());
        }

        @Override
        public String user() {
            return server.user();
        }

        @Override
        public String password() {
            return server.password();
        }

        @Override
        public String kind() {
            return "postgresql";
        }
    }

    static final class H2 extends TestDatabase {

        private Connection keepAlive;

        @Override
        protected void create(String name) throws SQLException {
            // The database lives while one connection to it is open.
            keepAlive = connect();
        }

        @Override
        protected void drop(String name) throws SQLException {
            if (keepAlive != null) {
                keepAlive.close();
            }
        }

        @Override
        public String jdbcUrl() {
            return "jdbc:h2:mem:" + name();
        }

        @Override
        public String user() {
            return "sa";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public String kind() {
            return "h2";
        }
    }
}
