package dev.migrate.autoconfigure.autogen.edits.unique;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
