package dev.migrate.autoconfigure.autogen.edits.nullablecolumn;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
