package dev.migrate.autoconfigure;

/**
 * Ends the process after a command ran in place of the application. The default calls {@link System#exit}; tests
 * replace it.
 */
@FunctionalInterface
public interface MigrateCommandExit {

    void exit(int status);
}
