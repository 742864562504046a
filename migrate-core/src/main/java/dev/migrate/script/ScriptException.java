package dev.migrate.script;

import dev.migrate.MigrateException;

/** A revision file or class cannot be read or used: the message names the file (and line) or class. */
public class ScriptException extends MigrateException {

    public ScriptException(String message) {
        super(message);
    }

    public ScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
