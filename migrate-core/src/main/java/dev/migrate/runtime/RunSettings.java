package dev.migrate.runtime;

import java.time.Duration;
import java.util.Objects;

import dev.migrate.dialect.Dialect;

/**
 * How a run treats the database.
 *
 * @param schema the schema for the state tables and for unqualified names in revisions, or {@code null} for the
 *     connection's default
 * @param versionTable the version table's name
 * @param historyTable the history table's name
 * @param lockWait how long to wait for another process's run to finish
 * @param validateChecksums whether an applied revision that was edited afterwards stops the run
 * @param dialect the dialect, or {@code null} to detect it from the connection
 * @param transactionPerRevision whether each revision commits on its own (the default), or a run's revisions share
 *     one transaction (Alembic's default, Flyway's {@code group}) where the database has transactional DDL
 * @param name which Migrate this is, where an application has several (one per database): listeners, meters and
 *     observations tell runs apart by it; {@value #DEFAULT_NAME} for the only one
 */
public record RunSettings(String schema, String versionTable, String historyTable, Duration lockWait,
        boolean validateChecksums, Dialect dialect, boolean transactionPerRevision, String name,
        LockTimeouts lockTimeouts) {

    public static final String DEFAULT_NAME = "migrate";

    public static final String DEFAULT_VERSION_TABLE = "migrate_version";

    public static final String DEFAULT_HISTORY_TABLE = "migrate_history";

    public RunSettings {
        Objects.requireNonNull(versionTable, "versionTable");
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lockTimeouts, "lockTimeouts");
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("The lock wait must not be negative: " + lockWait);
        }
        if (versionTable.equals(historyTable)) {
            throw new IllegalArgumentException("The version and history tables need different names, not both '"
                    + versionTable + "'");
        }
    }

    public static RunSettings defaults() {
        return new RunSettings(null, DEFAULT_VERSION_TABLE, DEFAULT_HISTORY_TABLE, Duration.ofMinutes(1), true, null,
                true, DEFAULT_NAME, LockTimeouts.DEFAULT);
    }
}
