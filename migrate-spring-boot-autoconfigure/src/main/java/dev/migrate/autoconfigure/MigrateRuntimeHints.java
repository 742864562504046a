package dev.migrate.autoconfigure;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import dev.migrate.script.ScriptDirectory;

/**
 * The default location's revisions and index as resources, as Spring Boot registers Flyway's {@code db/migration};
 * {@link MigrateRevisionsAotProcessor} adds the configured locations and the revision classes.
 */
public class MigrateRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        hints.resources().registerPattern("db/revisions/*.sql").registerPattern("db/revisions/" + ScriptDirectory.INDEX);
    }
}
