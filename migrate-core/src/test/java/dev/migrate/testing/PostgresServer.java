package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests of every module use, found the same way everywhere: an explicitly configured
 * server ({@value #URL_VARIABLE}) first, then a container through Testcontainers when Docker runs, and otherwise
 * a failure that says what to set. Found once per JVM.
 */
public final class PostgresServer {

    /** JDBC URL of a database on the server that the tests may connect to in order to create their own. */
    public static final String URL_VARIABLE = "MIGRATE_TEST_POSTGRES_URL";

    public static final String USER_VARIABLE = "MIGRATE_TEST_POSTGRES_USER";

    public static final String PASSWORD_VARIABLE = "MIGRATE_TEST_POSTGRES_PASSWORD";

    private static PostgresServer instance;

    private final String adminUrl;

    private final String user;

    private final String password;

    private PostgresServer(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The server, located on first use. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    private static PostgresServer locate() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault(USER_VARIABLE, "postgres");
            String password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
            PostgresServer server = new PostgresServer(url, user, password);
            server.check();
            return server;
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("These tests need PostgreSQL and found none. Set " + URL_VARIABLE
                + " to the JDBC URL of a database the tests may connect to (for example "
                + "jdbc:postgresql://127.0.0.1:5432/postgres), with " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
                + " if the defaults (postgres, empty) do not fit, or start Docker so that Testcontainers can run one.");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    private void check() {
        try (Connection ignored = connect(adminUrl)) {
            // reachable
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot connect to the PostgreSQL named by " + URL_VARIABLE + " (" + adminUrl
                    + ") as '" + user + "': " + ex.getMessage(), ex);
        }
    }

    /** A connection to the administrative database, to create and drop test databases. */
    Connection connectAdmin() throws SQLException {
        return connect(adminUrl);
    }

    Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(url, properties);
    }

    /** The JDBC URL of another database on the same server. */
    String urlOf(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }
}
