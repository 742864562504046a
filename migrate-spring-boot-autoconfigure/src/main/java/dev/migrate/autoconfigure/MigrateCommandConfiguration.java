package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.ObjectFilter;
import dev.migrate.autogenerate.RevisionCustomizer;
import dev.migrate.autogenerate.SchemaComparison;
import dev.migrate.command.Commands;
import dev.migrate.lint.Lint;
import dev.migrate.runtime.RunSettings;
import dev.migrate.script.Location;
import dev.migrate.script.PostWriteHook;
import dev.migrate.script.RevisionWriter;

/**
 * The application as the command line: a runner that runs {@code migrate.command} (or the {@code autogenerate}
 * profile's revision) when there is one, and the commands it runs, made only then.
 */
@Configuration(proxyBeanMethods = false)
class MigrateCommandConfiguration {

    /**
     * Runs the command, if the application was started with one; never lazy, since a command line is
     * otherwise lazy ({@link MigrateCommandEnvironmentPostProcessor}).
     */
    @Bean
    @Lazy(false)
    @ConditionalOnMissingBean
    MigrateCommandRunner migrateCommandRunner(ObjectProvider<Commands> commands, Environment environment,
            ObjectProvider<MigrateCommandExit> exit) {
        String command = MigrateCommandMode.command(environment);
        List<String> words = MigrateCommandMode.words(environment);
        return new MigrateCommandRunner(commands::getObject, words, words == null ? command : null,
                exit.getIfAvailable(() -> System::exit), System.out, System.err);
    }


    /** Leaves the JPA beans the application declares itself unmade by a command that needs only the database. */
    @Bean
    static MigrateLeanCommandPostProcessor migrateLeanCommandPostProcessor(Environment environment) {
        return new MigrateLeanCommandPostProcessor(environment);
    }

    /**
     * The commands for the instance {@code migrate.instance} names (the default one when unset), with autogenerate
     * when there is an entity model.
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    Commands migrateCommands(ListableBeanFactory beanFactory, MigrateProperties properties,
            ResourceLoader resourceLoader, ObjectProvider<MigrateEntityModel> model,
            ObjectProvider<RevisionCustomizer> customizers, ObjectProvider<ObjectFilter> filters,
            ObjectProvider<PostWriteHook> hooks) {
        Migrate migrate = chosen(MigrateBeans.byName(beanFactory), properties.getInstance());
        Map<String, Location> branchLocations = new LinkedHashMap<>();
        properties.getRevisions().getBranchLocations().forEach((label, location) -> branchLocations.put(label,
                Location.parse(location)));
        MigrateEntityModel entityModel = model.getIfAvailable();
        RevisionWriter writer = revisionWriter(properties, resourceLoader.getClassLoader(),
                hooks.orderedStream().toList());
        return new Commands(migrate, writer, entityModel == null ? null
                : autogenerator(migrate, properties, entityModel, filters.orderedStream().toList()), branchLocations,
                customizers.orderedStream().toList(), new Lint.Options(properties.getLint().getSince(),
                        properties.getLint().getPostgresVersion(), false));
    }

    /** The instance commands address: the one named, else the default one, else the only one. */
    static Migrate chosen(Map<String, Migrate> migrates, String name) {
        if (StringUtils.hasText(name)) {
            Migrate named = migrates.get(name);
            if (named == null) {
                throw new MigrateException("There is no Migrate instance named '" + name + "' (migrate.instance); "
                        + "the instances are " + String.join(", ", migrates.keySet()) + ".");
            }
            return named;
        }
        if (migrates.containsKey(RunSettings.DEFAULT_NAME) || migrates.size() == 1) {
            return migrates.getOrDefault(RunSettings.DEFAULT_NAME, migrates.values().iterator().next());
        }
        throw new MigrateException("There are several Migrate instances (" + String.join(", ", migrates.keySet())
                + "); say which one the command is for with --migrate.instance=<name>.");
    }

    /**
     * The one comparison of the entity model with the database, configured by {@code migrate.autogenerate.*}: used by
     * {@code revision --autogenerate}, {@code check} (and so {@code MigrateCheck}) and the {@code autogenerate} profile
     * alike.
     */
    static Autogenerator autogenerator(Migrate migrate, MigrateProperties properties, MigrateEntityModel model,
            List<ObjectFilter> filters) {
        MigrateProperties.Autogenerate settings = properties.getAutogenerate();
        ObjectFilter filter = ObjectFilter.patterns(settings.getIncludeTables(), settings.getExcludeTables(),
                settings.getExcludeColumns(), settings.getExcludeIndexes());
        for (ObjectFilter bean : filters) {
            filter = filter.and(bean);
        }
        return new Autogenerator(migrate, model, new SchemaComparison(filter), settings.isSafeForms());
    }

    /**
     * Where {@code revision} and {@code merge} write new files, and the formatters that run on them: those
     * {@code migrate.revisions.java-formatter} and {@code sql-formatter} choose, then the application's
     * {@link PostWriteHook} beans.
     */
    static RevisionWriter revisionWriter(MigrateProperties properties, ClassLoader classLoader,
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

    /** Fails the start with the revisions property at fault, before any connection is made. */
    static void validateRevisions(MigrateProperties properties) {
        for (Map.Entry<String, String> branch : properties.getRevisions().getBranchLocations().entrySet()) {
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
}
