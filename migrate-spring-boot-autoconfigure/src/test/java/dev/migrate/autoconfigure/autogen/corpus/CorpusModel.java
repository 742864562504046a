package dev.migrate.autoconfigure.autogen.corpus;

/** Marks the corpus's package for entity scanning. */
public final class CorpusModel {

    private CorpusModel() {
    }
}
