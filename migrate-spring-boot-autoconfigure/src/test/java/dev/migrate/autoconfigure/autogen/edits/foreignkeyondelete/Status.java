package dev.migrate.autoconfigure.autogen.edits.foreignkeyondelete;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
