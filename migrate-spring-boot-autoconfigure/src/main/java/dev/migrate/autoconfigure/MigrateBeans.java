package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;

import dev.migrate.Migrate;
import dev.migrate.runtime.RunSettings;

/** The Migrate beans of a context by instance name, in the order start-up runs them. */
public final class MigrateBeans {

    private MigrateBeans() {
    }

    /**
     * Every Migrate bean by its instance name ({@code Migrate.settings().name()}): the default instance first, the
     * others in name order.
     *
     * @throws IllegalStateException when two beans have the same instance name
     */
    public static Map<String, Migrate> byName(ListableBeanFactory beanFactory) {
        Map<String, Migrate> beans = beanFactory.getBeansOfType(Migrate.class);
        List<Map.Entry<String, Migrate>> entries = new ArrayList<>(beans.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<String, Migrate> entry) -> !isDefault(entry.getValue()))
                .thenComparing(entry -> entry.getValue().settings().name()));
        Map<String, Migrate> byName = new LinkedHashMap<>();
        Map<String, String> beanNames = new LinkedHashMap<>();
        for (Map.Entry<String, Migrate> entry : entries) {
            String name = entry.getValue().settings().name();
            if (byName.putIfAbsent(name, entry.getValue()) != null) {
                throw new IllegalStateException("The Migrate beans '" + beanNames.get(name) + "' and '"
                        + entry.getKey() + "' both have the instance name '" + name + "'; give each its own with "
                        + "Migrate.builder().name(...), so that start-up, commands, health and meters can tell them "
                        + "apart.");
            }
            beanNames.put(name, entry.getKey());
        }
        return byName;
    }

    private static boolean isDefault(Migrate migrate) {
        return RunSettings.DEFAULT_NAME.equals(migrate.settings().name());
    }
}
