package dev.migrate.autoconfigure.autogen.edits.unique;

/** Marks this package of the shop model for entity scanning. */
public final class Model {

    private Model() {
    }
}
