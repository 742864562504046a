package dev.migrate.autoconfigure.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateProperties;

/** The {@code migrate} health contributor, when Spring Boot's health support is present. */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Migrate.class)
@ConditionalOnEnabledHealthIndicator("migrate")
public final class MigrateHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "migrateHealthIndicator")
    MigrateHealthIndicator migrateHealthIndicator(Migrate migrate, MigrateProperties properties) {
        return new MigrateHealthIndicator(migrate, new Status(properties.getHealth().getPendingStatus()),
                new Status(properties.getHealth().getUnknownRevisionStatus()));
    }
}
