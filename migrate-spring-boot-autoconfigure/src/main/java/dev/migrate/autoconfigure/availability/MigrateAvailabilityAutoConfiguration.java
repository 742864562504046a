package dev.migrate.autoconfigure.availability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;

/** Readiness that follows runs after start-up, when the application tracks its availability. */
@AutoConfiguration(after = { ApplicationAvailabilityAutoConfiguration.class, MigrateAutoConfiguration.class })
@ConditionalOnBean({ ApplicationAvailability.class, Migrate.class })
public final class MigrateAvailabilityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigrateReadiness migrateReadiness(ApplicationAvailability availability, ApplicationEventPublisher publisher) {
        return new MigrateReadiness(availability, publisher);
    }
}
