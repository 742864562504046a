package dev.migrate.runtime;

import java.sql.SQLException;
import java.util.List;

import dev.migrate.dialect.Dialect;
import dev.migrate.revision.Step;
import dev.migrate.script.RevisionScript;

/**
 * What is known once a step has failed, and the report that tells it: the revision, the operation and statement, the
 * database's error, and where the database is now, read rather than assumed.
 *
 * @param statement the statement under way, or {@code null}
 * @param origin where that statement was written ({@code file.sql:12}), or {@code null}
 * @param done how many of the step's operations had finished
 * @param undone revisions of the same shared transaction that the failure rolled back too
 * @param rowsAfter the version table's rows after the failure, or {@code null} when they could not be read
 * @param connectionLost whether the run's connection was gone after the failure
 * @param invalidIndexes invalid indexes the failure left to deal with (qualified names)
 */
record StepFailure(Step step, RevisionScript script, Dialect dialect, String statement, String origin,
        Exception cause, int done, int total, List<String> undone, List<String> rowsAfter, boolean connectionLost,
        List<String> invalidIndexes) {

    MigrationFailedException exception() {
        return new MigrationFailedException(message(), step.revision().id(), step.direction(),
                done < total ? statement : null, cause instanceof SQLException sql ? sql.getSQLState() : null, rowsAfter,
                cause);
    }

    private String message() {
        StringBuilder message = new StringBuilder("Revision ").append(step.revision().id()).append(" (")
                .append(step.revision().message().isEmpty() ? script.location()
                        : step.revision().message() + ", " + script.location())
                .append(") failed during ").append(step.direction().label());
        if (done < total) {
            message.append(" at operation ").append(done + 1).append(" of ").append(total);
            if (origin != null) {
                message.append(" (").append(origin).append(')');
            }
            if (statement != null) {
                message.append(":\n    ").append(statement.strip().replace("\n", "\n    "));
            }
        }
        message.append("\n").append(cause instanceof SQLException sql ? "Database error: " + Runner.describe(sql)
                : "Error: " + cause.getMessage());
        boolean transactional = script.transactional() && dialect.transactionalDdl();
        String at = MigrationFailedException.describe(rowsAfter);
        if (connectionLost) {
            // Whether the server rolled the revision back or had already committed it, only the table can say.
            message.append("\nThe connection to the database was lost during the revision; ").append(rowsAfter == null
                    ? "no new connection could be made, so where the database is is unknown: reconnect and run 'current'."
                    : "read on a new connection, the version table says " + at + ".");
            if (!transactional) {
                message.append(" The revision is not transactional: its statements before the failure stay applied.");
            }
        }
        else if (transactional) {
            message.append("\nThe revision was rolled back");
            if (!undone.isEmpty()) {
                message.append(", together with the ").append(undone.size()).append(" revision(s) this run applied "
                        + "before it in the same transaction (").append(String.join(", ", undone)).append(')');
            }
            message.append("; the database is at ").append(at).append('.');
        }
        else {
            message.append("\nThe revision is not transactional").append(script.transactional() ? " on " + dialect.name()
                    + ", whose DDL commits on its own" : "")
                    .append(": its statements before the failing one stay applied. The version table still says ")
                    .append(at).append("; fix the database by hand, then run again.");
        }
        for (String index : invalidIndexes) {
            message.append("\nThe index ").append(index).append(" is INVALID: a CREATE INDEX CONCURRENTLY that fails "
                    + "leaves its index behind, unused but still updated on every write. Drop it with 'DROP INDEX "
                    + "CONCURRENTLY ").append(index).append("', remove the cause of the failure, then run again.");
        }
        return message.toString();
    }
}
