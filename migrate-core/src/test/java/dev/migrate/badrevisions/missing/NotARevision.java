package dev.migrate.badrevisions.missing;

/** A helper left in a revisions package by mistake. */
public class NotARevision {
}
