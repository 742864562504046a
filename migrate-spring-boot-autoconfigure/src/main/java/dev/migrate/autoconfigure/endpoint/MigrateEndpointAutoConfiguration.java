package dev.migrate.autoconfigure.endpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;

/** The {@code migrate} endpoint, when the actuator is present and the endpoint is available. */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(MigrateEndpoint.class)
@EnableConfigurationProperties(MigrateEndpointProperties.class)
public final class MigrateEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean(Migrate.class)
    @ConditionalOnMissingBean
    MigrateEndpoint migrateEndpoint(ApplicationContext context, MigrateEndpointProperties properties) {
        return new MigrateEndpoint(context, properties.getShowErrors(), properties.getRoles());
    }
}
