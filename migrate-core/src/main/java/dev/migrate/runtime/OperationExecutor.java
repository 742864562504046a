package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrate.dialect.Dialect;
import dev.migrate.op.Operation;
import dev.migrate.op.Operation.BulkInsert;
import dev.migrate.op.Operation.Execute;
import dev.migrate.op.Operation.JdbcWork;

/** Runs operations over JDBC, remembering the statement under way so that a failure can name it. */
final class OperationExecutor {

    static final int BATCH_SIZE = 1000;

    private final Dialect dialect;

    private String currentStatement;

    private String currentOrigin;

    OperationExecutor(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Notes the statement under way, for operations run elsewhere. */
    void remember(String statement) {
        currentStatement = statement;
    }

    /** The statement that was running when the last failure happened. */
    String currentStatement() {
        return currentStatement;
    }

    /** Where the current statement was written ({@code file.sql:12}), or {@code null}. */
    String currentOrigin() {
        return currentOrigin;
    }

    void execute(Connection connection, Operation operation, boolean transactional) throws SQLException {
        currentOrigin = null;
        if (operation instanceof Execute execute) {
            currentOrigin = execute.origin();
            run(connection, execute.sql(), execute.parameters());
        }
        else if (operation instanceof BulkInsert insert) {
            bulkInsert(connection, insert);
        }
        else if (operation instanceof JdbcWork work) {
            currentStatement = "Java code: " + work.description();
            work.callback().run(GuardedConnection.wrap(connection, transactional));
        }
        else {
            try (Statement statement = connection.createStatement()) {
                for (String sql : dialect.render(operation)) {
                    currentStatement = sql;
                    statement.execute(sql);
                }
            }
        }
    }

    private void run(Connection connection, String sql, List<Object> parameters) throws SQLException {
        currentStatement = sql;
        if (parameters.isEmpty()) {
            // No parameters: sent as written, so '?' (a JSON operator in PostgreSQL) stays what it is.
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                dialect.bind(statement, i + 1, parameters.get(i));
            }
            statement.execute();
        }
    }

    private void bulkInsert(Connection connection, BulkInsert insert) throws SQLException {
        if (insert.rows().isEmpty()) {
            return;
        }
        String sql = dialect.insertStatement(insert, sampleRow(insert));
        currentStatement = sql;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (List<Object> row : insert.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    dialect.bind(statement, i + 1, row.get(i));
                }
                statement.addBatch();
                if (++pending == BATCH_SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    /** The first non-null value of each column, which decides the column's placeholder. */
    static List<Object> sampleRow(BulkInsert insert) {
        Object[] sample = new Object[insert.columns().size()];
        for (List<Object> row : insert.rows()) {
            for (int i = 0; i < sample.length; i++) {
                if (sample[i] == null) {
                    sample[i] = row.get(i);
                }
            }
        }
        return java.util.Arrays.asList(sample);
    }
}
