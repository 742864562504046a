package dev.migrate.autoconfigure.endpoint;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrate.Migrate;
import dev.migrate.script.ScriptDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint exists only where Spring Boot's exposure and access rules let it. */
class MigrateEndpointAutoConfigurationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrateEndpointAutoConfiguration.class))
            .withBean(Migrate.class, () -> Migrate.builder().scripts(ScriptDirectory.of(List.of())).build());

    @Test
    void runsWhenExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=migrate")
                .run(context -> assertThat(context).hasSingleBean(MigrateEndpoint.class));
    }

    @Test
    void isAbsentWhenNotExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MigrateEndpoint.class));
    }

    @Test
    void isAbsentWhenAccessIsNone() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=migrate",
                "management.endpoint.migrate.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(MigrateEndpoint.class));
    }

    @Test
    void backsOffWithoutMigrate() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateEndpointAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=migrate")
                .run(context -> assertThat(context).doesNotHaveBean(MigrateEndpoint.class));
    }
}
