package dev.migrate.autoconfigure.autogenerate;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateEntityModel;

/**
 * Autogenerate for applications with Hibernate: captures the mapping model Hibernate builds for the application, for
 * {@code revision --autogenerate}, {@code check} and the {@code autogenerate} profile.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class, before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ Integrator.class, HibernatePropertiesCustomizer.class })
@ConditionalOnBean(Migrate.class)
public final class MigrateAutogenerateAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MigrateEntityModel.class)
    HibernateSchemaModel migrateEntityModel() {
        return new HibernateSchemaModel();
    }

    /** Hands the model over when the EntityManagerFactory starts, alongside any integrators already configured. */
    @Bean
    HibernatePropertiesCustomizer migrateEntityModelCapture(ObjectProvider<HibernateSchemaModel> model) {
        return properties -> {
            HibernateSchemaModel capture = model.getIfAvailable();
            if (capture == null) {
                return;
            }
            Object existing = properties.get(JpaSettings.INTEGRATOR_PROVIDER);
            properties.put(JpaSettings.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> {
                List<Integrator> integrators = new ArrayList<>();
                if (existing instanceof IntegratorProvider provider) {
                    integrators.addAll(provider.getIntegrators());
                }
                integrators.add(capture);
                return integrators;
            });
        };
    }
}
