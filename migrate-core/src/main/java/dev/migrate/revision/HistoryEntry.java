package dev.migrate.revision;

/**
 * One line of {@code history}: a revision and what it is in the graph and in the database.
 *
 * @param revision the revision
 * @param head no revision follows it
 * @param branchPoint several revisions follow it
 * @param mergePoint it joins several parents
 * @param current it is one of the version table's rows
 * @param applied it is applied (a row or an ancestor of one)
 */
public record HistoryEntry(Revision revision, boolean head, boolean branchPoint, boolean mergePoint, boolean current,
        boolean applied) {

}
