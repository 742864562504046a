package dev.migrate.autoconfigure.autogen.edits.precision;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
