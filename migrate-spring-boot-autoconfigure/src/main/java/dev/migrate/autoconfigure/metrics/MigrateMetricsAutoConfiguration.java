package dev.migrate.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateBeans;
import dev.migrate.autoconfigure.MigrateProperties;

/**
 * Micrometer meters for Migrate, when Micrometer and a registry are present. The listener is a bean, so the
 * {@link Migrate} bean picks it up when it is created, whatever the order of the bean definitions.
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
        MigrateAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, Migrate.class })
public final class MigrateMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigrateMetrics migrateMetrics(MeterRegistry registry, ObjectProvider<MigrateProperties> properties) {
        return new MigrateMetrics(registry, properties.getIfAvailable(MigrateProperties::new).getMetrics()
                .isRevisionTag());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Migrate.class)
    MigratePendingGauge migratePendingGauge(ListableBeanFactory beanFactory) {
        return new MigratePendingGauge(() -> MigrateBeans.byName(beanFactory));
    }
}
