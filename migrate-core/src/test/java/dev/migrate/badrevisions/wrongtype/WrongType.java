package dev.migrate.badrevisions.wrongtype;

import dev.migrate.script.RevisionInfo;

/** Annotated, but not a JavaRevision. */
@RevisionInfo(id = "abcdef000001")
public class WrongType {
}
