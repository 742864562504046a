package dev.migrate.autoconfigure.app;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring Boot's test slices apply the revisions to the test database, as they do for Flyway. */
class TestSlicesTests {

    @Nested
    @DataJpaTest(properties = "migrate.locations=classpath:dev/migrate/seed/java")
    class WithDataJpaTest {

        @Autowired
        UserRepository users;

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void theRepositoryWorksOnTheRevisionsSchema() {
            users.save(new User(UUID.randomUUID(), "grace@example.com", "x"));
            assertThat(users.findAll()).extracting(User::getEmail).contains("grace@example.com", "system@example.com");
            assertThat(jdbc.queryForList("SELECT version_num FROM migrate_version", String.class))
                    .containsExactly("d4e5f6a1b2c3");
        }
    }

    @Nested
    @JdbcTest(properties = "migrate.locations=classpath:dev/migrate/seed/java")
    class WithJdbcTest {

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void theTablesExist() {
            assertThat(jdbc.queryForList("SELECT full_name FROM users", String.class)).containsExactly("system");
        }
    }
}
