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
        this.rowsAfter = List.copyOf(rowsAfter);
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

    /** The version table's rows after the failure. */
    public List<String> rowsAfter() {
        return rowsAfter;
    }
}
