package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.migrate.dialect.Dialect;
import dev.migrate.op.Operation.BatchUpdate;

/**
 * Runs a {@link BatchUpdate}: finds where the next batch ends by key ({@code ORDER BY key LIMIT 1 OFFSET n-1}),
 * updates the rows up to it that still match, and commits that together with the batch's progress. Nothing is read
 * twice (no {@code OFFSET} over finished rows, the seed's flaw), and an interrupted run resumes after the last
 * committed batch.
 */
final class BatchedUpdates {

    /** Hears each committed batch. */
    interface Progress {
        void committed(String name, long rowsDone, double rowsPerSecond);
    }

    private final Dialect dialect;

    private final StateTables tables;

    BatchedUpdates(Dialect dialect, StateTables tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    /** Runs the update to the end; returns the rows this run updated. */
    long run(Connection connection, String revision, BatchUpdate update, Progress progress, OperationExecutor executor)
            throws SQLException {
        connection.setAutoCommit(true);
        tables.ensureProgressTable(connection);
        connection.setAutoCommit(false);
        String table = dialect.qualify(update.schema(), update.table());
        String key = dialect.quote(update.key());
        String where = update.where() == null ? "1 = 1" : update.where();
        String lower = tables.readProgress(connection, revision, update.progressName());
        long done = 0;
        long started = System.nanoTime();
        while (true) {
            String upper;
            String boundSql = "SELECT " + key + " FROM " + table + " WHERE " + (lower != null ? key + " > ? AND " : "")
                    + "(" + where + ") ORDER BY " + key + " LIMIT 1 OFFSET " + (update.batchSize() - 1);
            try (PreparedStatement bound = connection.prepareStatement(boundSql)) {
                if (lower != null) {
                    dialect.bindText(bound, 1, lower);
                }
                try (ResultSet rows = bound.executeQuery()) {
                    upper = rows.next() ? rows.getString(1) : null;
                }
            }
            String updateSql = "UPDATE " + table + " SET " + update.set() + " WHERE "
                    + (lower != null ? key + " > ? AND " : "") + (upper != null ? key + " <= ? AND " : "") + "(" + where + ")";
            executor.remember(updateSql);
            try (PreparedStatement statement = connection.prepareStatement(updateSql)) {
                int index = 1;
                if (lower != null) {
                    dialect.bindText(statement, index++, lower);
                }
                if (upper != null) {
                    dialect.bindText(statement, index, upper);
                }
                done += statement.executeUpdate();
            }
            if (upper != null) {
                tables.saveProgress(connection, revision, update.progressName(), upper, done);
            }
            connection.commit();
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
            progress.committed(update.progressName(), done, done / seconds);
            if (upper == null) {
                connection.setAutoCommit(true);
                return done;
            }
            lower = upper;
        }
    }
}
