package dev.migrate.autoconfigure.testcontainers;

import org.testcontainers.containers.JdbcDatabaseContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

import dev.migrate.autoconfigure.MigrateConnectionDetails;

/**
 * Gives Migrate the database of a {@code @ServiceConnection} JDBC container. The container is read only when Migrate
 * connects, once Spring Boot has started it.
 */
class MigrateContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<JdbcDatabaseContainer<?>, MigrateConnectionDetails> {

    @Override
    protected MigrateConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
        return new ContainerDetails(source);
    }

    private static final class ContainerDetails extends ContainerConnectionDetails<JdbcDatabaseContainer<?>>
            implements MigrateConnectionDetails {

        ContainerDetails(ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
            super(source);
        }

        @Override
        public String getJdbcUrl() {
            return getContainer().getJdbcUrl();
        }

        @Override
        public String getUsername() {
            return getContainer().getUsername();
        }

        @Override
        public String getPassword() {
            return getContainer().getPassword();
        }

        @Override
        public String getDriverClassName() {
            return getContainer().getDriverClassName();
        }
    }
}
