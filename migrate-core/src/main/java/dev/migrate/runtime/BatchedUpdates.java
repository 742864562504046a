package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.migrate.dialect.Dialect;
import dev.migrate.op.Operation.BatchUpdate;

/**
 * Runs a {@link BatchUpdate}: finds where the next batch ends by key ({@code ORDER BY key LIMIT 1 OFFSET n-1}, or the
 * greatest key left for the last batch), updates the rows up to it that still match, and commits that together with
 * the batch's progress. Nothing is read
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

    /**
     * Runs the update to the end; returns the rows this run updated. Every batch, the last one too, commits together
     * with the key it ended at, so a run that stops anywhere (even after the last batch, before its revision is
     * recorded) resumes without updating a row twice.
     */
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
            String remaining = "FROM " + table + " WHERE " + (lower != null ? key + " > ? AND " : "") + "(" + where + ")";
            String upper = key(connection, executor, "SELECT " + key + " " + remaining + " ORDER BY " + key
                    + " LIMIT 1 OFFSET " + (update.batchSize() - 1), lower);
            if (upper == null) {
                // Fewer rows than a batch are left: the last batch ends at the greatest of their keys. (ORDER BY, not
                // MAX: keys of types without an aggregate, such as uuid, sort all the same.)
                upper = key(connection, executor, "SELECT " + key + " " + remaining + " ORDER BY " + key
                        + " DESC LIMIT 1", lower);
            }
            if (upper == null) {
                connection.commit();
                connection.setAutoCommit(true);
                return done;
            }
            String updateSql = "UPDATE " + table + " SET " + update.set() + " WHERE "
                    + (lower != null ? key + " > ? AND " : "") + key + " <= ? AND (" + where + ")";
            executor.remember(updateSql);
            try (PreparedStatement statement = connection.prepareStatement(updateSql)) {
                int index = 1;
                if (lower != null) {
                    dialect.bindText(statement, index++, lower);
                }
                dialect.bindText(statement, index, upper);
                done += statement.executeUpdate();
            }
            tables.saveProgress(connection, revision, update.progressName(), upper, done);
            connection.commit();
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
            progress.committed(update.progressName(), done, done / seconds);
            lower = upper;
        }
    }

    /** The one key a query selects, as text, or {@code null} when it selects none. */
    private String key(Connection connection, OperationExecutor executor, String sql, String lower)
            throws SQLException {
        executor.remember(sql);
        try (PreparedStatement bound = connection.prepareStatement(sql)) {
            if (lower != null) {
                dialect.bindText(bound, 1, lower);
            }
            try (ResultSet rows = bound.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
