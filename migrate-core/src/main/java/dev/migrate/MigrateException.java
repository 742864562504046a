package dev.migrate;

/**
 * The root of every error Migrate reports to a user. Its message says what was wrong, where, and,
 * where there is one, what to do next.
 */
public class MigrateException extends RuntimeException {

    public MigrateException(String message) {
        super(message);
    }

    public MigrateException(String message, Throwable cause) {
        super(message, cause);
    }
}
