package dev.migrate.runtime;

import dev.migrate.MigrateException;

/**
 * A revision holds an operation that cannot run here (on this database, or in a transaction); found before anything
 * ran. The message names the revision, the operation as it is written, and why.
 */
public class OperationRefusedException extends MigrateException {

    public OperationRefusedException(String message) {
        super(message);
    }
}
