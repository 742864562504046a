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
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateCommandExit;
import dev.migrate.autoconfigure.MigrateCommandRunner;
import dev.migrate.autoconfigure.MigrateEntityModel;
import dev.migrate.autoconfigure.MigrateProperties;
import dev.migrate.command.Commands;

/**
 * Autogenerate for applications with Hibernate: captures the mapping model Hibernate builds for the application, and
 * with the {@code autogenerate} profile writes the next revision from it.
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

    /**
     * The {@code autogenerate} profile: once the application has started (the database brought to the heads,
     * Hibernate ready), writes the next revision from the entity model, prints what it found, and exits.
     */
    @Bean
    @Profile("autogenerate")
    @ConditionalOnMissingBean
    MigrateCommandRunner migrateAutogenerateRunner(Commands commands, MigrateProperties properties,
            MigrateEntityModel model, ObjectProvider<MigrateCommandExit> exit) {
        String message = properties.getAutogenerate().getMessage();
        if (message == null || message.isBlank()) {
            throw new InvalidConfigurationPropertyValueException("migrate.autogenerate.message", message,
                    "The autogenerate profile writes a revision and needs its message, for example "
                            + "--migrate.autogenerate.message=\"add orders\".");
        }
        return new MigrateCommandRunner(commands, List.of("revision", "--autogenerate", "-m", message),
                exit.getIfAvailable(() -> System::exit), System.out, System.err);
    }
}
