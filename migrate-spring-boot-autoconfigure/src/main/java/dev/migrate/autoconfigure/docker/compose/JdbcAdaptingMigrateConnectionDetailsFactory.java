package dev.migrate.autoconfigure.docker.compose;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import dev.migrate.autoconfigure.MigrateConnectionDetails;

/**
 * Gives Migrate the database of a Docker Compose service: Spring Boot's Docker Compose support makes
 * {@link JdbcConnectionDetails} for each database service it starts, and this makes Migrate's from them.
 */
class JdbcAdaptingMigrateConnectionDetailsFactory
        implements ConnectionDetailsFactory<JdbcConnectionDetails, MigrateConnectionDetails> {

    @Override
    public MigrateConnectionDetails getConnectionDetails(JdbcConnectionDetails jdbc) {
        return new MigrateConnectionDetails() {

            @Override
            public String getJdbcUrl() {
                return jdbc.getJdbcUrl();
            }

            @Override
            public String getUsername() {
                return jdbc.getUsername();
            }

            @Override
            public String getPassword() {
                return jdbc.getPassword();
            }

            @Override
            public String getDriverClassName() {
                return jdbc.getDriverClassName();
            }
        };
    }
}
