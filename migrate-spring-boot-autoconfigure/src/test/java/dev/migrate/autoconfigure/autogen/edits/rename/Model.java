package dev.migrate.autoconfigure.autogen.edits.rename;

/** Marks this package of the shop model for entity scanning. */
public final class Model {

    private Model() {
    }
}
