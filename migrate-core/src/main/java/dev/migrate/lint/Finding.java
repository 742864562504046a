package dev.migrate.lint;

/**
 * A hazard in one statement of a revision.
 *
 * @param revision the revision's id
 * @param where the file and line ({@code db/revisions/x.sql:12}), or the class and operation number
 * @param statement the statement, as PostgreSQL would receive it
 * @param detail what about this statement makes it the hazard, or {@code null}
 * @param acknowledged whether the revision acknowledges the hazard
 * @param operation the number of the revision's operation it is in (1 for the first)
 */
public record Finding(String revision, String where, Hazard hazard, String statement, String detail,
        boolean acknowledged, int operation) {

    /** The finding as the {@code lint} command prints it. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Revision ").append(revision).append(" (").append(where).append("): ").append(hazard.id())
                .append(acknowledged ? " (acknowledged)" : "").append('\n');
        text.append("  ").append(statement.length() > 200 ? statement.substring(0, 200) + " ..." : statement)
                .append('\n');
        if (detail != null) {
            text.append("  ").append(detail).append('\n');
        }
        text.append("  Lock: ").append(hazard.lock()).append(". Why: ").append(hazard.why()).append(".\n");
        text.append("  Instead: ").append(hazard.instead()).append('.');
        return text.toString();
    }
}
