package dev.migrate.autoconfigure.autogen.edits.notnullwithdefault;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
