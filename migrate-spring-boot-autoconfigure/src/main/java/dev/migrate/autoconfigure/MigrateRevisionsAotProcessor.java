package dev.migrate.autoconfigure;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.migrate.script.Location;
import dev.migrate.script.ScriptDirectory;

/**
 * At build time (Spring AOT), lists the revisions of every classpath location that the build's configuration names
 * ({@code migrate.locations} and each {@code migrate.instances.<name>.locations}), and contributes what a native
 * image needs to find and run them: an index of each location ({@link ScriptDirectory#INDEX}), its SQL files and the
 * index as resources, and its revision classes for reflection (the scanner reads their annotation, the runner makes
 * them through their no-argument constructor).
 */
class MigrateRevisionsAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBean("migrateInstances")) {
            return null;
        }
        MigrateProperties properties = Binder.get(beanFactory.getBean(Environment.class))
                .bind("migrate", MigrateProperties.class).orElseGet(MigrateProperties::new);
        Set<Location> locations = new LinkedHashSet<>();
        InstanceSettings.of(properties).locations().forEach(location -> locations.add(Location.parse(location)));
        properties.getInstances().keySet().forEach(name -> InstanceSettings.of(properties, name).locations()
                .forEach(location -> locations.add(Location.parse(location))));
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        Map<Location, ScriptDirectory.ClasspathEntries> entries = new LinkedHashMap<>();
        for (Location location : locations) {
            if (location.onClasspath()) {
                entries.put(location, ScriptDirectory.listClasspath(location, classLoader));
            }
        }
        return entries.isEmpty() ? null : new Contribution(entries);
    }

    private record Contribution(Map<Location, ScriptDirectory.ClasspathEntries> entries)
            implements BeanFactoryInitializationAotContribution {

        @Override
        public void applyTo(GenerationContext generationContext, BeanFactoryInitializationCode code) {
            RuntimeHints hints = generationContext.getRuntimeHints();
            entries.forEach((location, found) -> {
                String index = location.path() + "/" + ScriptDirectory.INDEX;
                generationContext.getGeneratedFiles().addResourceFile(index, found.index(location));
                hints.resources().registerPattern(index);
                found.sqlFiles().keySet().forEach(hints.resources()::registerPattern);
                found.classes().keySet().forEach(className -> hints.reflection().registerType(
                        TypeReference.of(className), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS));
            });
        }
    }
}
