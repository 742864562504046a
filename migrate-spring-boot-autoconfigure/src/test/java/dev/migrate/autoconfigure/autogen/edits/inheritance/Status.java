package dev.migrate.autoconfigure.autogen.edits.inheritance;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
