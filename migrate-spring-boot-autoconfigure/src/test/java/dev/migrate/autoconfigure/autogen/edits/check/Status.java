package dev.migrate.autoconfigure.autogen.edits.check;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
