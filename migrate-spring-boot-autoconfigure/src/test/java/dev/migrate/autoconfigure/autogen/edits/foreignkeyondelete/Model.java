package dev.migrate.autoconfigure.autogen.edits.foreignkeyondelete;

/** Marks this package of the shop model for entity scanning. */
public final class Model {

    private Model() {
    }
}
