package dev.migrate.autoconfigure.autogen.edits.type;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
