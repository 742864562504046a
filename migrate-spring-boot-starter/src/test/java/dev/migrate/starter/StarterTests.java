package dev.migrate.starter;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migrate.Migrate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose only dependencies are this starter and a JDBC driver: it gets a pooled DataSource from
 * Spring Boot and its database upgraded on start-up, with no other configuration than the URL.
 */
class StarterTests {

    @Test
    void theStarterAndADriverAreEnoughForAnUpgradedDatabase() {
        SpringApplication application = new SpringApplication(StarterOnlyApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + url)) {
            assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
            assertThat(context.getBeansOfType(Migrate.class)).hasSize(1);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForList("SELECT version_num FROM migrate_version", String.class))
                    .containsExactly("5a0000000001");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM notes", Integer.class)).isZero();
        }
    }

    @SpringBootApplication
    static class StarterOnlyApplication {
    }
}
