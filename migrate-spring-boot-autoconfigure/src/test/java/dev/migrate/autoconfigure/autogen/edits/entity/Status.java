package dev.migrate.autoconfigure.autogen.edits.entity;

/** A customer's status. */
public enum Status {
    ACTIVE, CLOSED
}
