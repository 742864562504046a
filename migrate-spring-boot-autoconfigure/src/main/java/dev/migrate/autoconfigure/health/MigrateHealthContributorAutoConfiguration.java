package dev.migrate.autoconfigure.health;

import java.util.function.Function;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateBeans;
import dev.migrate.autoconfigure.MigrateProperties;

/**
 * The {@code migrate} health contributor, when Spring Boot's health support is present: one indicator for one
 * Migrate, or a composite with one per instance name, as Spring Boot does for several DataSources.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Migrate.class)
@ConditionalOnEnabledHealthIndicator("migrate")
public final class MigrateHealthContributorAutoConfiguration
        extends CompositeHealthContributorConfiguration<MigrateHealthIndicator, Migrate> {

    /** @param properties the statuses to report; the defaults when Migrate's own auto-configuration is off */
    public MigrateHealthContributorAutoConfiguration(ObjectProvider<MigrateProperties> properties) {
        super(indicators(properties.getIfAvailable(MigrateProperties::new)));
    }

    private static Function<Migrate, MigrateHealthIndicator> indicators(MigrateProperties properties) {
        return migrate -> new MigrateHealthIndicator(migrate, new Status(properties.getHealth().getPendingStatus()),
                new Status(properties.getHealth().getUnknownRevisionStatus()));
    }

    @Bean
    @ConditionalOnMissingBean(name = { "migrateHealthIndicator", "migrateHealthContributor" })
    HealthContributor migrateHealthContributor(ListableBeanFactory beanFactory) {
        return createContributor(MigrateBeans.byName(beanFactory));
    }
}
