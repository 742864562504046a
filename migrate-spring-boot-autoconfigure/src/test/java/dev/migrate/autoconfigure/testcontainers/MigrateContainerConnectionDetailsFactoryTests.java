package dev.migrate.autoconfigure.testcontainers;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateConnectionDetails;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @ServiceConnection} PostgreSQL container for Migrate alone: Migrate upgrades the container's database while
 * the application's DataSource stays on its own. (There is no Docker engine everywhere these tests run, so the
 * container stands for the test PostgreSQL: Spring Boot's part, from the bean to the connection details, is real.)
 */
class MigrateContainerConnectionDetailsFactoryTests {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @Test
    void migrateUpgradesTheContainersDatabase() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ServiceConnectionAutoConfiguration.class,
                        DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withUserConfiguration(ContainerConfiguration.class)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "migrate.locations=classpath:dev/migrate/seed/java")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(MigrateConnectionDetails.class);
                    assertThat(context.getBean(Migrate.class).current()).containsExactly("d4e5f6a1b2c3");
                    assertThat(db.queryForStrings("SELECT version_num FROM migrate_version"))
                            .containsExactly("d4e5f6a1b2c3");
                    assertThat(new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).queryForObject(
                            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'",
                            Integer.class)).isZero();
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class ContainerConfiguration {

        @Bean
        @ServiceConnection(type = MigrateConnectionDetails.class)
        PostgreSQLContainer postgres() {
            return new TestPostgres();
        }
    }

    /** The test PostgreSQL in the shape of a container that is already running. */
    static final class TestPostgres extends PostgreSQLContainer {

        TestPostgres() {
            super("postgres:15");
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public String getJdbcUrl() {
            return db.jdbcUrl();
        }

        @Override
        public String getUsername() {
            return db.user();
        }

        @Override
        public String getPassword() {
            return db.password();
        }
    }
}
