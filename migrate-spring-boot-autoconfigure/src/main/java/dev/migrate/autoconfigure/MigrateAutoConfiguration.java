package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.ObjectFilter;
import dev.migrate.autogenerate.RevisionCustomizer;
import dev.migrate.autogenerate.SchemaComparison;
import dev.migrate.command.Commands;
import dev.migrate.revision.Target;
import dev.migrate.runtime.MigrationListener;
import dev.migrate.script.Location;
import dev.migrate.script.PostWriteHook;
import dev.migrate.script.RevisionWriter;

/**
 * Auto-configuration for Migrate: a {@link Migrate} bean over the application's DataSource, and either an
 * initializer that upgrades on start-up or, with {@code migrate.command}, a runner that runs that command instead.
 * Each bean backs off when the application defines its own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@Conditional(MigrateAutoConfiguration.MigrateDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrate.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrateProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrateAutoConfiguration {

    @Bean
    static MigrateSchemaManagementProvider migrateSchemaManagementProvider(ObjectProvider<Migrate> migrates) {
        return new MigrateSchemaManagementProvider(migrates);
    }

    /** Runs on start-up with the Migrate bean, whether it is the one below or the application's own. */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(MigrateCommandCondition.Absent.class)
    MigrateInitializer migrateInitializer(Migrate migrate, ObjectProvider<MigrateStrategy> strategy,
            MigrateProperties properties) {
        return new MigrateInitializer(migrate, strategy.getIfAvailable(), properties.getTarget());
    }

    /** Runs {@code migrate.command} instead of the start-up upgrade. */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(MigrateCommandCondition.Present.class)
    MigrateCommandRunner migrateCommandRunner(Commands commands, MigrateProperties properties,
            ObjectProvider<MigrateCommandExit> exit) {
        return new MigrateCommandRunner(commands, properties.getCommand(), exit.getIfAvailable(() -> System::exit),
                System.out, System.err);
    }

    /**
     * The commands, with autogenerate when there is an entity model; made only when a command runs (the
     * {@code migrate.command} runner or the {@code autogenerate} profile).
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    Commands migrateCommands(Migrate migrate, MigrateProperties properties, ResourceLoader resourceLoader,
            ObjectProvider<MigrateEntityModel> model, ObjectProvider<RevisionCustomizer> customizers,
            ObjectProvider<ObjectFilter> filters, ObjectProvider<PostWriteHook> hooks) {
        java.util.Map<String, Location> branchLocations = new java.util.LinkedHashMap<>();
        properties.getRevisions().getBranchLocations().forEach((label, location) -> branchLocations.put(label,
                Location.parse(location)));
        MigrateEntityModel entityModel = model.getIfAvailable();
        RevisionWriter writer = revisionWriter(properties, resourceLoader.getClassLoader(),
                hooks.orderedStream().toList());
        return new Commands(migrate, writer, entityModel == null ? null
                : autogenerator(migrate, properties, entityModel, filters.orderedStream().toList()), branchLocations,
                customizers.orderedStream().toList());
    }

    /**
     * The one comparison of the entity model with the database, configured by {@code migrate.autogenerate.*}: used by
     * {@code revision --autogenerate}, {@code check}, the {@code autogenerate} profile and {@code MigrateCheck} alike.
     */
    public static Autogenerator autogenerator(Migrate migrate, MigrateProperties properties, MigrateEntityModel model,
            List<ObjectFilter> filters) {
        MigrateProperties.Autogenerate settings = properties.getAutogenerate();
        ObjectFilter filter = ObjectFilter.patterns(settings.getIncludeTables(), settings.getExcludeTables(),
                settings.getExcludeColumns(), settings.getExcludeIndexes());
        for (ObjectFilter bean : filters) {
            filter = filter.and(bean);
        }
        return new Autogenerator(migrate, model, new SchemaComparison(filter));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Migrate.class)
    static class MigrateConfiguration {

        @Bean
        Migrate migrate(MigrateProperties properties, ResourceLoader resourceLoader, ObjectProvider<DataSource> dataSource,
                @MigrateDataSource ObjectProvider<DataSource> migrateDataSource,
                ObjectProvider<MigrationListener> listeners, ObjectProvider<MigrateCustomizer> customizers) {
            validate(properties);
            Migrate.Builder builder = Migrate.builder()
                    .dataSource(chooseDataSource(properties, resourceLoader, dataSource, migrateDataSource))
                    .classLoader(resourceLoader.getClassLoader())
                    .locations(properties.getLocations().toArray(String[]::new))
                    .schema(StringUtils.hasText(properties.getSchema()) ? properties.getSchema() : null)
                    .versionTable(properties.getVersionTable())
                    .historyTable(properties.getHistoryTable())
                    .lockWait(properties.getLockWait())
                    .validateChecksums(properties.isValidateChecksums())
                    .transactionPerRevision(properties.isTransactionPerRevision());
            listeners.orderedStream().forEach(builder::listener);
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
            return builder.build();
        }

        private static DataSource chooseDataSource(MigrateProperties properties, ResourceLoader resourceLoader,
                ObjectProvider<DataSource> dataSource, ObjectProvider<DataSource> migrateDataSource) {
            DataSource qualified = migrateDataSource.getIfAvailable();
            if (qualified != null) {
                return qualified;
            }
            if (StringUtils.hasText(properties.getUrl())) {
                DataSourceBuilder<?> builder = DataSourceBuilder.create(resourceLoader.getClassLoader())
                        .type(SimpleDriverDataSource.class)
                        .url(properties.getUrl())
                        .username(properties.getUser())
                        .password(properties.getPassword());
                if (StringUtils.hasText(properties.getDriverClassName())) {
                    builder.driverClassName(properties.getDriverClassName());
                }
                return builder.build();
            }
            DataSource primary = dataSource.getIfUnique();
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

    /**
     * Where {@code revision} and {@code merge} write new files, and the formatters that run on them: those
     * {@code migrate.revisions.java-formatter} and {@code sql-formatter} choose, then the application's
     * {@link PostWriteHook} beans.
     */
    public static RevisionWriter revisionWriter(MigrateProperties properties, ClassLoader classLoader,
            List<PostWriteHook> hooks) {
        MigrateProperties.Revisions revisions = properties.getRevisions();
        Location first = properties.getLocations().stream().map(Location::parse).filter(Location::onClasspath)
                .findFirst().orElse(Location.parse("classpath:db/revisions"));
        Path directory;
        if (StringUtils.hasText(revisions.getDirectory())) {
            directory = Path.of(revisions.getDirectory());
        }
        else if (revisions.getFormat() == RevisionWriter.Format.SQL) {
            directory = Path.of("src/main/resources", first.path());
        }
        else {
            directory = Path.of("src/main/java");
        }
        List<PostWriteHook> all = new ArrayList<>(RevisionFormatters.chosen(revisions, classLoader));
        all.addAll(hooks);
        return new RevisionWriter(new RevisionWriter.Settings(revisions.getFormat(), directory, first.packageName(),
                revisions.getFileTemplate()), Clock.systemUTC(), all);
    }

    /** Fails the start with the property at fault, before any connection is made. */
    static void validate(MigrateProperties properties) {
        if (properties.getLocations() == null || properties.getLocations().isEmpty()) {
            throw new InvalidConfigurationPropertyValueException("migrate.locations", properties.getLocations(),
                    "At least one location is required, such as classpath:db/revisions.");
        }
        for (String location : properties.getLocations()) {
            Location parsed;
            try {
                parsed = Location.parse(location);
            }
            catch (MigrateException ex) {
                throw new InvalidConfigurationPropertyValueException("migrate.locations", location, ex.getMessage());
            }
            if (!parsed.onClasspath() && !java.nio.file.Files.isDirectory(Path.of(parsed.path()))) {
                throw new InvalidConfigurationPropertyValueException("migrate.locations", location, "The folder "
                        + Path.of(parsed.path()).toAbsolutePath() + " does not exist or is not a folder.");
            }
        }
        try {
            Target.parse(properties.getTarget());
        }
        catch (MigrateException ex) {
            throw new InvalidConfigurationPropertyValueException("migrate.target", properties.getTarget(), ex.getMessage());
        }
        requireName("migrate.version-table", properties.getVersionTable());
        requireName("migrate.history-table", properties.getHistoryTable());
        if (properties.getVersionTable().equals(properties.getHistoryTable())) {
            throw new InvalidConfigurationPropertyValueException("migrate.history-table", properties.getHistoryTable(),
                    "The history table needs a name of its own, not the version table's.");
        }
        if (properties.getLockWait() == null || properties.getLockWait().isNegative()) {
            throw new InvalidConfigurationPropertyValueException("migrate.lock-wait", properties.getLockWait(),
                    "The lock wait must be zero or more, such as 30s or 5m.");
        }
        for (java.util.Map.Entry<String, String> branch : properties.getRevisions().getBranchLocations().entrySet()) {
            String property = "migrate.revisions.branch-locations." + branch.getKey();
            try {
                if (!properties.getLocations().stream().map(Location::parse).toList()
                        .contains(Location.parse(branch.getValue()))) {
                    throw new InvalidConfigurationPropertyValueException(property, branch.getValue(),
                            "The location must be one of migrate.locations, so that revisions written there are read.");
                }
            }
            catch (MigrateException ex) {
                throw new InvalidConfigurationPropertyValueException(property, branch.getValue(), ex.getMessage());
            }
        }
        String template = properties.getRevisions().getFileTemplate();
        Path templatePath = Path.of(template.replace('\\', '/'));
        if (templatePath.isAbsolute() || templatePath.normalize().startsWith("..") || template.startsWith("/")) {
            throw new InvalidConfigurationPropertyValueException("migrate.revisions.file-template", template,
                    "The template names a file inside the revisions folder: no absolute path and no '..'.");
        }
        if (!properties.getRevisions().getFileTemplate().contains("{rev}")) {
            throw new InvalidConfigurationPropertyValueException("migrate.revisions.file-template",
                    properties.getRevisions().getFileTemplate(), "The template must contain {rev}, so that file names "
                            + "stay unique.");
        }
    }

    private static void requireName(String property, String value) {
        if (!StringUtils.hasText(value)) {
            throw new InvalidConfigurationPropertyValueException(property, value, "A table name is required.");
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidConfigurationPropertyValueException(property, value, "A table name cannot hold NUL.");
        }
    }

    /** Active when there is a DataSource to migrate, or {@code migrate.url} names one. */
    static final class MigrateDataSourceCondition extends AnyNestedCondition {

        MigrateDataSourceCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBeanCondition {
        }

        @ConditionalOnProperty("migrate.url")
        private static final class MigrateUrlCondition {
        }
    }
}
