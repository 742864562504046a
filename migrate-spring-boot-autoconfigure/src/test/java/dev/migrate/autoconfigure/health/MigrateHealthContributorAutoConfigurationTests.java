package dev.migrate.autoconfigure.health;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateProperties;
import dev.migrate.script.ScriptDirectory;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateHealthContributorAutoConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MigrateProperties.class)
    static class Properties {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrateHealthContributorAutoConfiguration.class))
            .withUserConfiguration(Properties.class)
            .withBean(Migrate.class, () -> Migrate.builder().scripts(ScriptDirectory.of(List.of())).build());

    @Test
    void contributesAHealthIndicator() {
        runner.run(context -> assertThat(context).hasSingleBean(MigrateHealthIndicator.class));
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("management.health.migrate.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MigrateHealthIndicator.class));
    }

    @Test
    void backsOffForTheUsersOwn() {
        MigrateHealthIndicator own = new MigrateHealthIndicator(null, null, null);
        runner.withBean("migrateHealthIndicator", MigrateHealthIndicator.class, () -> own)
                .run(context -> assertThat(context.getBean(MigrateHealthIndicator.class)).isSameAs(own));
    }

    @Test
    void worksForAMigrateOfTheApplicationsOwnWithoutMigratesProperties() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateHealthContributorAutoConfiguration.class))
                .withBean(Migrate.class, () -> Migrate.builder().scripts(ScriptDirectory.of(List.of())).build())
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(MigrateHealthIndicator.class));
    }
}
