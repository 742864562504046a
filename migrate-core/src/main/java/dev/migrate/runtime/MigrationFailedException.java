package dev.migrate.runtime;

import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.revision.Direction;

/**
 * A revision failed while running. The message names the revision, the statement and the database's error with
 * its SQLState, and says what state the database was left in.
 */
public class MigrationFailedException extends MigrateException {

    private final String revision;

    private final Direction direction;

    private final String statement;

    private final String sqlState;

    private final List<String> rowsAfter;

    public MigrationFailedException(String message, String revision, Direction direction, String statement,
            String sqlState, List<String> rowsAfter, Throwable cause) {
        super(message, cause);
        this.revision = revision;
        this.direction = direction;
        this.statement = statement;
        this.sqlState = sqlState;
        this.rowsAfter = rowsAfter == null ? null : List.copyOf(rowsAfter);
    }

    public String revision() {
        return revision;
    }

    public Direction direction() {
        return direction;
    }

    /** The statement that failed, or {@code null} when the failure was not in a statement. */
    public String statement() {
        return statement;
    }

    /** The database's SQLState, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    /**
     * The version table's rows after the failure, or {@code null} when they could not be read (the connection was
     * lost and no new one could be made): then nobody knows where the database is until it is asked again.
     */
    public List<String> rowsAfter() {
        return rowsAfter;
    }

    /** Where the database is after the failure, as a person reads it: its rows, {@code base}, or "unknown". */
    public String describeRowsAfter() {
        return describe(rowsAfter);
    }

    static String describe(List<String> rows) {
        if (rows == null) {
            return "unknown (the connection was lost; reconnect and run 'current')";
        }
        return rows.isEmpty() ? "base" : String.join(", ", rows);
    }
}
