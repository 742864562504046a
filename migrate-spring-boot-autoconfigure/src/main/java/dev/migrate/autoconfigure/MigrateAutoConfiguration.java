package dev.migrate.autoconfigure;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

import dev.migrate.Migrate;

/**
 * Auto-configuration for Migrate: a {@link Migrate} bean over the application's DataSource and one per
 * {@code migrate.instances.<name>}, an initializer that brings each to its target on start-up, and the commands
 * ({@link MigrateCommandConfiguration}). Each bean backs off when the application defines its own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@Conditional(MigrateAutoConfiguration.MigrateCondition.class)
@ConditionalOnBooleanProperty(name = "migrate.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrateProperties.class)
@ImportRuntimeHints(MigrateRuntimeHints.class)
@Import({ DatabaseInitializationDependencyConfigurer.class, MigrateCommandConfiguration.class,
        MigrateInstancesRegistrar.class })
public final class MigrateAutoConfiguration {

    @Bean
    static MigrateSchemaManagementProvider migrateSchemaManagementProvider(ObjectProvider<Migrate> migrates) {
        return new MigrateSchemaManagementProvider(migrates);
    }

    /** Makes every Migrate bean of the auto-configuration, the instances' included. */
    @Bean
    MigrateInstances migrateInstances(MigrateProperties properties, ResourceLoader resourceLoader,
            ListableBeanFactory beanFactory) {
        return new MigrateInstances(properties, resourceLoader, beanFactory);
    }

    /**
     * Runs on start-up with every Migrate bean, the auto-configured ones and the application's own: the default
     * instance first, then the others in name order.
     */
    @Bean
    @ConditionalOnMissingBean
    MigrateInitializer migrateInitializer(ListableBeanFactory beanFactory, ObjectProvider<MigrateStrategy> strategy,
            MigrateProperties properties) {
        return new MigrateInitializer(() -> MigrateBeans.byName(beanFactory), name -> target(properties, name),
                strategy.getIfAvailable(), properties.getOnStart(), new MigrateStartupLint(properties.getLint()));
    }

    /** The target of an instance: its own, or the top-level {@code migrate.target}. */
    static String target(MigrateProperties properties, String name) {
        return properties.getInstances().containsKey(name) ? InstanceSettings.of(properties, name).target()
                : properties.getTarget();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("migrate.url")
    MigrateConnectionDetails migrateConnectionDetails(MigrateProperties properties) {
        return new PropertiesMigrateConnectionDetails(properties);
    }

    /** The default instance, configured by the top-level {@code migrate.*} properties. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Migrate.class)
    @Conditional(DefaultDatabaseCondition.class)
    static class MigrateConfiguration {

        @Bean
        Migrate migrate(MigrateProperties properties, MigrateInstances instances, ObjectProvider<DataSource> dataSource,
                @MigrateDataSource ObjectProvider<DataSource> migrateDataSource,
                ObjectProvider<MigrateConnectionDetails> connectionDetails,
                ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails) {
            InstanceSettings settings = InstanceSettings.of(properties);
            settings.validate();
            MigrateCommandConfiguration.validateRevisions(properties);
            return instances.build(settings, chooseDataSource(properties, instances, dataSource, migrateDataSource,
                    connectionDetails.getIfAvailable(), jdbcConnectionDetails.getIfAvailable()));
        }

        /**
         * A bean qualified {@code @MigrateDataSource}; else a connection of its own from {@link MigrateConnectionDetails}
         * ({@code migrate.url}, Testcontainers, Docker Compose); else a copy of the primary DataSource logging in as
         * {@code migrate.user}; else the primary DataSource.
         */
        private static DataSource chooseDataSource(MigrateProperties properties, MigrateInstances instances,
                ObjectProvider<DataSource> dataSource, ObjectProvider<DataSource> migrateDataSource,
                MigrateConnectionDetails details, JdbcConnectionDetails jdbc) {
            DataSource qualified = migrateDataSource.getIfAvailable();
            if (qualified != null) {
                return qualified;
            }
            if (details != null) {
                return instances.connect(details.getJdbcUrl(), details.getUsername(), details.getPassword(),
                        details.getDriverClassName());
            }
            DataSource primary = dataSource.getIfUnique();
            if (primary == null && jdbc != null && !dataSource.iterator().hasNext()) {
                // Connection details with no DataSource made from them: Migrate connects by itself.
                return instances.connect(jdbc.getJdbcUrl(), jdbc.getUsername(), jdbc.getPassword(),
                        jdbc.getDriverClassName());
            }
            if (primary == null) {
                throw new IllegalStateException("Migrate found no unique DataSource to migrate: mark one with "
                        + "@MigrateDataSource, make one @Primary, or set migrate.url.");
            }
            if (StringUtils.hasText(properties.getUser())) {
                return DataSourceBuilder.derivedFrom(primary).type(SimpleDriverDataSource.class)
                        .username(properties.getUser()).password(properties.getPassword()).build();
            }
            return primary;
        }
    }

    /** Active when there is a database to migrate: the default instance's, or one of {@code migrate.instances}. */
    static final class MigrateCondition extends AnyNestedCondition {

        MigrateCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @Conditional(DefaultDatabaseCondition.class)
        private static final class DefaultDatabase {
        }

        @Conditional(InstancesCondition.class)
        private static final class Instances {
        }
    }

    /** A database for the default instance: a DataSource, {@code migrate.url} or connection details. */
    static final class DefaultDatabaseCondition extends AnyNestedCondition {

        DefaultDatabaseCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @Conditional(DefaultDataSourceCondition.class)
        private static final class DataSourceBeanCondition {
        }

        @ConditionalOnBean(JdbcConnectionDetails.class)
        private static final class JdbcConnectionDetailsCondition {
        }

        @ConditionalOnBean(MigrateConnectionDetails.class)
        private static final class MigrateConnectionDetailsCondition {
        }

        @ConditionalOnProperty("migrate.url")
        private static final class MigrateUrlCondition {
        }
    }

    /**
     * A DataSource for the default instance. When {@code migrate.instances} give the other databases theirs, the
     * default instance needs one of its own to tell apart (the only one, the primary one, or one qualified
     * {@code @MigrateDataSource}); several DataSources that the instances name are no default database. Without
     * instances any DataSource will do, so that an ambiguous one fails the start with a clear message.
     */
    static final class DefaultDataSourceCondition extends SpringBootCondition implements ConfigurationCondition {

        @Override
        public ConfigurationPhase getConfigurationPhase() {
            return ConfigurationPhase.REGISTER_BEAN;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
            String[] names = beanFactory == null ? new String[0]
                    : beanFactory.getBeanNamesForType(DataSource.class, true, false);
            if (names.length == 0) {
                return ConditionOutcome.noMatch("no DataSource");
            }
            if (names.length == 1 || !new InstancesCondition().getMatchOutcome(context, metadata).isMatch()) {
                return ConditionOutcome.match("a DataSource");
            }
            for (String name : names) {
                if (!beanFactory.containsBeanDefinition(name)) {
                    continue;
                }
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                if (definition.isPrimary() || definition instanceof AnnotatedBeanDefinition annotated
                        && annotated.getFactoryMethodMetadata() != null
                        && annotated.getFactoryMethodMetadata().isAnnotated(MigrateDataSource.class.getName())) {
                    return ConditionOutcome.match("DataSource '" + name + "' for the default instance");
                }
            }
            return ConditionOutcome.noMatch("several DataSources, none primary or @MigrateDataSource, beside "
                    + "migrate.instances");
        }
    }

    /** Whether {@code migrate.instances} names at least one instance. */
    static final class InstancesCondition extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> instances = Binder.get(context.getEnvironment())
                    .bind("migrate.instances", Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
            return instances.isEmpty() ? ConditionOutcome.noMatch("no migrate.instances")
                    : ConditionOutcome.match("migrate.instances " + instances.keySet());
        }
    }
}
