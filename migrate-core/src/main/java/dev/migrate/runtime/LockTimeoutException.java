package dev.migrate.runtime;

import dev.migrate.MigrateException;

/** Another process held Migrate's lock on the database for longer than the configured wait. */
public class LockTimeoutException extends MigrateException {

    public LockTimeoutException(String message) {
        super(message);
    }
}
