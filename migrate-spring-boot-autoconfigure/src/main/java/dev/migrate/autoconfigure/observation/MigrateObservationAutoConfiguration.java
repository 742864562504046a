package dev.migrate.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;

/** Observations of runs and steps, when Micrometer's {@link ObservationRegistry} is present. */
@AutoConfiguration(after = { ObservationAutoConfiguration.class, MigrateAutoConfiguration.class })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({ ObservationRegistry.class, Migrate.class })
public final class MigrateObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigrateObservations migrateObservations(ObservationRegistry registry) {
        return new MigrateObservations(registry);
    }
}
