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

    /** The line as Alembic prints it: {@code parent -> id (head) (current), message}. */
    public String line() {
        StringBuilder line = new StringBuilder();
        if (revision.parents().isEmpty()) {
            line.append("<base>");
        }
        else if (revision.parents().size() == 1) {
            line.append(revision.parents().get(0));
        }
        else {
            line.append('(').append(String.join(", ", revision.parents())).append(')');
        }
        line.append(" -> ").append(revision.id());
        if (head) {
            line.append(" (head)");
        }
        if (branchPoint) {
            line.append(" (branchpoint)");
        }
        if (mergePoint) {
            line.append(" (mergepoint)");
        }
        if (current) {
            line.append(" (current)");
        }
        line.append(", ").append(revision.message());
        return line.toString();
    }
}
