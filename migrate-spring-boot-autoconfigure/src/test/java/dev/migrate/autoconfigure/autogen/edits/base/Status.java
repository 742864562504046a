package dev.migrate.autoconfigure.autogen.edits.base;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
