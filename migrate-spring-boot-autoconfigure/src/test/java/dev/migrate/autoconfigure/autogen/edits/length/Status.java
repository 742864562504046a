package dev.migrate.autoconfigure.autogen.edits.length;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
