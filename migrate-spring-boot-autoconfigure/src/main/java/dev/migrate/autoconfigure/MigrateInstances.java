package dev.migrate.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

import dev.migrate.Migrate;
import dev.migrate.runtime.LockTimeouts;
import dev.migrate.runtime.MigrationListener;

/**
 * Builds the Migrate beans: the default one over the application's DataSource, and one per
 * {@code migrate.instances.<name>} ({@link #create}, the factory method of the beans {@link MigrateInstancesRegistrar}
 * defines). Every one gets the application's {@link MigrationListener} and {@link MigrateCustomizer} beans.
 */
public class MigrateInstances {

    private final MigrateProperties properties;

    private final ResourceLoader resourceLoader;

    private final ListableBeanFactory beanFactory;

    MigrateInstances(MigrateProperties properties, ResourceLoader resourceLoader, ListableBeanFactory beanFactory) {
        this.properties = properties;
        this.resourceLoader = resourceLoader;
        this.beanFactory = beanFactory;
    }

    /** The Migrate of instance {@code name}, configured by {@code migrate.instances.<name>.*}. */
    public Migrate create(String name) {
        InstanceSettings settings = InstanceSettings.of(properties, name);
        settings.validate();
        DataSource dataSource;
        if (StringUtils.hasText(settings.dataSourceBean())) {
            try {
                dataSource = beanFactory.getBean(settings.dataSourceBean(), DataSource.class);
            }
            catch (NoSuchBeanDefinitionException ex) {
                throw settings.invalid("data-source", settings.dataSourceBean(), "There is no DataSource bean of "
                        + "that name.");
            }
            if (StringUtils.hasText(settings.user())) {
                // As migrate.user does for the default instance: the same database, another login.
                dataSource = DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class)
                        .username(settings.user()).password(settings.password()).build();
            }
        }
        else {
            dataSource = connect(settings.url(), settings.user(), settings.password(), settings.driverClassName());
        }
        return build(settings, dataSource);
    }

    /** A Migrate over {@code dataSource}, configured by {@code settings}. */
    Migrate build(InstanceSettings settings, DataSource dataSource) {
        Migrate.Builder builder = Migrate.builder()
                .name(settings.name())
                .dataSource(dataSource)
                .classLoader(resourceLoader.getClassLoader())
                .locations(settings.locations().toArray(String[]::new))
                .schema(StringUtils.hasText(settings.schema()) ? settings.schema() : null)
                .versionTable(settings.versionTable())
                .historyTable(settings.historyTable())
                .lockWait(settings.lockWait())
                .validateChecksums(settings.validateChecksums())
                .transactionPerRevision(settings.transactionPerRevision())
                .lockTimeouts(lockTimeouts(properties));
        beanFactory.getBeanProvider(MigrationListener.class).orderedStream().forEach(builder::listener);
        beanFactory.getBeanProvider(MigrateCustomizer.class).orderedStream()
                .forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** A connection of Migrate's own: no pool, since a run holds one connection for its whole length. */
    DataSource connect(String url, String user, String password, String driverClassName) {
        DataSourceBuilder<?> builder = DataSourceBuilder.create(resourceLoader.getClassLoader())
                .type(SimpleDriverDataSource.class).url(url).username(user).password(password);
        if (StringUtils.hasText(driverClassName)) {
            builder.driverClassName(driverClassName);
        }
        return builder.build();
    }

    /** The runner's lock timeouts from {@code migrate.lock-timeout} and the properties beside it. */
    static LockTimeouts lockTimeouts(MigrateProperties properties) {
        Duration lockTimeout = properties.getLockTimeout();
        Duration statementTimeout = properties.getStatementTimeout();
        requireNotNegative("migrate.lock-timeout", lockTimeout);
        requireNotNegative("migrate.statement-timeout", statementTimeout);
        requireNotNegative("migrate.lock-timeout-retry-delay", properties.getLockTimeoutRetryDelay());
        if (properties.getLockTimeoutRetries() < 0) {
            throw new InvalidConfigurationPropertyValueException("migrate.lock-timeout-retries",
                    properties.getLockTimeoutRetries(), "The number of retries must be zero or more.");
        }
        return new LockTimeouts(lockTimeout == null || lockTimeout.isZero() ? null : lockTimeout,
                statementTimeout == null || statementTimeout.isZero() ? null : statementTimeout,
                properties.getLockTimeoutRetries(), properties.getLockTimeoutRetryDelay());
    }

    private static void requireNotNegative(String property, Duration value) {
        if (value != null && value.isNegative()) {
            throw new InvalidConfigurationPropertyValueException(property, value, "The duration must be zero or more.");
        }
        if (value != null && value.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidConfigurationPropertyValueException(property, value, "PostgreSQL takes at most "
                    + Integer.MAX_VALUE + " ms.");
        }
    }
}
