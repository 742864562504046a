package dev.migrate.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.op.Operation;
import dev.migrate.op.Operation.BulkInsert;
import dev.migrate.op.Operation.Execute;
import dev.migrate.op.Operation.JdbcWork;
import dev.migrate.script.CommentText;
import dev.migrate.script.SqlSplitter;

/**
 * Operations as the text of an SQL script: what an offline ({@code --sql}) run prints and what a new SQL revision
 * holds. Parameters are inlined as literals; Java code that needs the connection is named in a comment.
 */
public final class ScriptText {

    private static final int ROWS_PER_INSERT = 500;

    private final Dialect dialect;

    public ScriptText(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Appends an operation as a script holds it: its statements, each ended by a semicolon, and comments. */
    public void operation(StringBuilder sql, Operation operation) {
        if (operation instanceof Execute execute) {
            statement(sql, inline(execute.sql(), execute.parameters()));
        }
        else if (operation instanceof JdbcWork work) {
            comment(sql, "Java code '" + work.description() + "' runs only online and is not part of this script.");
        }
        else if (operation instanceof BulkInsert insert) {
            bulkInsert(insert).forEach(statement -> statement(sql, statement));
        }
        else if (operation instanceof Operation.BatchUpdate update) {
            comment(sql, "Batched online in batches of " + update.batchSize() + " rows by " + update.key()
                    + "; as one statement in a script:");
            statement(sql, "UPDATE " + dialect.qualify(update.schema(), update.table()) + " SET " + update.set()
                    + (update.where() == null ? "" : " WHERE " + update.where()));
        }
        else {
            dialect.render(operation).forEach(statement -> statement(sql, statement));
        }
    }

    private List<String> bulkInsert(BulkInsert insert) {
        List<String> statements = new ArrayList<>();
        String head = "INSERT INTO " + dialect.qualify(insert.schema(), insert.table()) + " ("
                + insert.columns().stream().map(dialect::quote).collect(Collectors.joining(", ")) + ") VALUES\n    ";
        for (int start = 0; start < insert.rows().size(); start += ROWS_PER_INSERT) {
            List<List<Object>> chunk = insert.rows().subList(start, Math.min(start + ROWS_PER_INSERT, insert.rows().size()));
            statements.add(head + chunk.stream()
                    .map(row -> row.stream().map(dialect::literal).collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining(",\n    ")));
        }
        return statements;
    }

    /**
     * Replaces each parameter marker by its parameter as a literal: the {@code ?} that the JDBC driver would bind,
     * found by the same lexer that splits SQL files, so that a {@code ?} in a comment, literal, identifier or
     * dollar-quoted body stays as it is, and {@code ??} (the driver's escape for a literal {@code ?}) becomes one.
     */
    private String inline(String sql, List<Object> parameters) {
        if (parameters.isEmpty()) {
            return sql;
        }
        List<Integer> markers = SqlSplitter.questionMarks(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int next = 0;
        for (int k = 0; k < markers.size(); k++) {
            int at = markers.get(k);
            out.append(sql, copied, at);
            if (k + 1 < markers.size() && markers.get(k + 1) == at + 1) {
                out.append('?');
                k++;
                copied = at + 2;
                continue;
            }
            if (next >= parameters.size()) {
                throw new MigrateException("The statement has more parameter markers than the " + parameters.size()
                        + " parameter(s) given: " + sql);
            }
            out.append(dialect.literal(parameters.get(next++)));
            copied = at + 1;
        }
        if (next < parameters.size()) {
            throw new MigrateException("The statement has " + next + " parameter marker(s) for " + parameters.size()
                    + " parameter(s): " + sql);
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    /** A comment line: nothing in its text can end it ({@link CommentText#sqlLine}). */
    public static void comment(StringBuilder sql, String text) {
        sql.append("-- ").append(CommentText.sqlLine(text)).append('\n');
    }


    /** A statement, ended by one semicolon. */
    public static void statement(StringBuilder sql, String statement) {
        String text = statement.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        sql.append(text).append(";\n");
    }
}
