package dev.migrate.autoconfigure.docker.compose;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import dev.migrate.autoconfigure.MigrateConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's Docker Compose support asks every registered factory for details from the JDBC details of each
 * database service it starts; Migrate's factory is found through {@code spring.factories} and answers with its own.
 */
class JdbcAdaptingMigrateConnectionDetailsFactoryTests {

    @Test
    void aDatabaseServicesJdbcDetailsBecomeMigratesOwn() {
        JdbcConnectionDetails service = new JdbcConnectionDetails() {
            public String getUsername() {
                return "app";
            }

            public String getPassword() {
                return "secret";
            }

            public String getJdbcUrl() {
                return "jdbc:postgresql://localhost:49153/app";
            }
        };
        Map<Class<?>, ConnectionDetails> details = new ConnectionDetailsFactories(getClass().getClassLoader())
                .getConnectionDetails(service, false);
        assertThat(details).containsKey(MigrateConnectionDetails.class);
        MigrateConnectionDetails migrate = (MigrateConnectionDetails) details.get(MigrateConnectionDetails.class);
        assertThat(migrate.getJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:49153/app");
        assertThat(migrate.getUsername()).isEqualTo("app");
        assertThat(migrate.getPassword()).isEqualTo("secret");
        assertThat(migrate.getDriverClassName()).isEqualTo("org.postgresql.Driver");
    }
}
