package dev.migrate.autoconfigure.autogen.edits.rename;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
