package dev.migrate.autoconfigure.autogen.edits.enumvalue;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED, SUSPENDED
}
