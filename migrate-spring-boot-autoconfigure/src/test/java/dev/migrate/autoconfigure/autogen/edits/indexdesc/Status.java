package dev.migrate.autoconfigure.autogen.edits.indexdesc;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
