package dev.migrate.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * A connection of Migrate's own to the database it migrates (the default instance), as Spring Boot's
 * {@code FlywayConnectionDetails}: made from {@code migrate.url}, or by Testcontainers' {@code @ServiceConnection} and
 * Docker Compose. When there is one, Migrate uses it rather than the application's DataSource.
 */
public interface MigrateConnectionDetails extends ConnectionDetails {

    String getJdbcUrl();

    String getUsername();

    String getPassword();

    /** The JDBC driver's class name; by default the one the URL implies. */
    default String getDriverClassName() {
        String url = getJdbcUrl();
        return url == null ? null : DatabaseDriver.fromJdbcUrl(url).getDriverClassName();
    }
}
