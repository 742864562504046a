package dev.migrate.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.migrate.dialect.Dialect;
import dev.migrate.op.Operation;
import dev.migrate.op.Operation.BulkInsert;
import dev.migrate.op.Operation.Execute;
import dev.migrate.op.Operation.JdbcWork;
import dev.migrate.op.SqlLiteral;
import dev.migrate.revision.Direction;
import dev.migrate.revision.Plan;
import dev.migrate.revision.Step;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.ScriptDirectory;

/**
 * Writes a plan as an SQL script for review, without a connection: each revision's statements with its
 * transaction and version-table statements, as the runner would execute them. Java code that needs the
 * connection cannot be written and is named in a comment instead.
 */
public final class OfflineScript {

    private static final int ROWS_PER_INSERT = 500;

    private final ScriptDirectory scripts;

    private final Dialect dialect;

    private final RunSettings settings;

    public OfflineScript(ScriptDirectory scripts, Dialect dialect, RunSettings settings) {
        this.scripts = scripts;
        this.dialect = dialect;
        this.settings = settings;
    }

    /**
     * The script of a plan; with {@code createTables} it starts by creating the state tables, as a script from
     * base must.
     */
    public String render(Plan plan, boolean createTables) {
        StringBuilder sql = new StringBuilder();
        String from = plan.fromRows().isEmpty() ? "base" : String.join(", ", plan.fromRows());
        String to = plan.toRows().isEmpty() ? "base" : String.join(", ", plan.toRows());
        sql.append("-- Migrate offline script for ").append(dialect.name()).append(": ").append(from).append(" -> ")
                .append(to).append("\n\n");
        if (createTables) {
            if (settings.schema() != null) {
                statement(sql, "CREATE SCHEMA IF NOT EXISTS " + dialect.quote(settings.schema()));
            }
            statement(sql, dialect.createVersionTable(settings.schema(), settings.versionTable()));
            statement(sql, dialect.createHistoryTable(settings.schema(), settings.historyTable()));
            sql.append('\n');
        }
        if (settings.schema() != null && dialect.name().equals("postgresql")) {
            statement(sql, "SET search_path TO " + dialect.quote(settings.schema()));
            sql.append('\n');
        }
        Transaction transaction = new Transaction(sql);
        for (Step step : plan.steps()) {
            renderStep(sql, step, transaction);
        }
        transaction.commit();
        return sql.toString();
    }

    /**
     * Where the script's transaction is: each revision commits on its own, or (when revisions share the run's
     * transaction) one stays open across revisions until a non-transactional one or the end.
     */
    private final class Transaction {

        private final StringBuilder sql;

        private final boolean shared = !settings.transactionPerRevision() && dialect.transactionalDdl();

        private boolean open;

        Transaction(StringBuilder sql) {
            this.sql = sql;
        }

        void begin() {
            if (!open && dialect.transactionalDdl()) {
                statement(sql, "BEGIN");
                open = true;
            }
        }

        /** Ends a revision: commits it, unless revisions share the transaction. */
        void endRevision() {
            if (!shared) {
                commit();
            }
        }

        void commit() {
            if (open) {
                statement(sql, "COMMIT");
                open = false;
            }
        }
    }

    /** The script of a {@code stamp}: the version-table rows change from {@code from} to {@code to}, nothing runs. */
    public String renderStamp(List<String> from, List<String> to, boolean createTables) {
        StringBuilder sql = new StringBuilder();
        sql.append("-- Migrate offline stamp for ").append(dialect.name()).append(": ")
                .append(from.isEmpty() ? "base" : String.join(", ", from)).append(" -> ")
                .append(to.isEmpty() ? "base" : String.join(", ", to)).append("\n\n");
        if (createTables) {
            if (settings.schema() != null) {
                statement(sql, "CREATE SCHEMA IF NOT EXISTS " + dialect.quote(settings.schema()));
            }
            statement(sql, dialect.createVersionTable(settings.schema(), settings.versionTable()));
            statement(sql, dialect.createHistoryTable(settings.schema(), settings.historyTable()));
        }
        String version = dialect.qualify(settings.schema(), settings.versionTable());
        if (dialect.transactionalDdl()) {
            statement(sql, "BEGIN");
        }
        for (String row : from) {
            if (!to.contains(row)) {
                statement(sql, "DELETE FROM " + version + " WHERE version_num = " + SqlLiteral.string(row));
            }
        }
        for (String row : to) {
            if (!from.contains(row)) {
                statement(sql, "INSERT INTO " + version + " (version_num) VALUES (" + SqlLiteral.string(row) + ")");
            }
        }
        if (dialect.transactionalDdl()) {
            statement(sql, "COMMIT");
        }
        return sql.toString();
    }

    private void renderStep(StringBuilder sql, Step step, Transaction transaction) {
        RevisionScript script = scripts.script(step.revision().id());
        StepEvent event = new StepEvent(step, script.location(), script.transactional(), true);
        List<Operation> operations = step.direction() == Direction.UPGRADE ? script.upgrade() : script.downgrade();
        boolean transactional = script.transactional() && dialect.transactionalDdl();
        sql.append("-- Running ").append(event.describe().replace("\n", " ")).append(" (").append(script.location())
                .append(")\n");
        if (transactional) {
            transaction.begin();
        }
        else {
            transaction.commit();
        }
        for (Operation operation : operations) {
            for (String statement : render(operation)) {
                if (statement.startsWith("--")) {
                    sql.append(statement).append('\n');
                }
                else {
                    statement(sql, statement);
                }
            }
        }
        transaction.begin();
        String version = dialect.qualify(settings.schema(), settings.versionTable());
        List<String> deleted = new ArrayList<>(step.deletedRows());
        List<String> inserted = new ArrayList<>(step.insertedRows());
        if (!deleted.isEmpty() && !inserted.isEmpty()) {
            statement(sql, "UPDATE " + version + " SET version_num = " + SqlLiteral.string(inserted.remove(0))
                    + " WHERE version_num = " + SqlLiteral.string(deleted.remove(0)));
        }
        for (String row : deleted) {
            statement(sql, "DELETE FROM " + version + " WHERE version_num = " + SqlLiteral.string(row));
        }
        for (String row : inserted) {
            statement(sql, "INSERT INTO " + version + " (version_num) VALUES (" + SqlLiteral.string(row) + ")");
        }
        statement(sql, "INSERT INTO " + dialect.qualify(settings.schema(), settings.historyTable())
                + " (revision, direction, message, checksum, started_at, duration_ms, applied_by, success) VALUES ("
                + SqlLiteral.string(step.revision().id()) + ", " + SqlLiteral.string(step.direction().label()) + ", "
                + SqlLiteral.string(step.revision().message()) + ", " + SqlLiteral.string(script.checksum())
                + ", CURRENT_TIMESTAMP, NULL, CURRENT_USER, TRUE)");
        transaction.endRevision();
        sql.append('\n');
    }

    private List<String> render(Operation operation) {
        if (operation instanceof Execute execute) {
            return List.of(inline(execute.sql(), execute.parameters()));
        }
        if (operation instanceof JdbcWork work) {
            return List.of("-- Java code '" + work.description().replace("\n", " ")
                    + "' runs only online and is not part of this script.");
        }
        if (operation instanceof BulkInsert insert) {
            return bulkInsert(insert);
        }
        if (operation instanceof Operation.BatchUpdate update) {
            return List.of("-- Batched online in batches of " + update.batchSize() + " rows by " + update.key()
                    + "; offline as one statement:", "UPDATE " + dialect.qualify(update.schema(), update.table())
                    + " SET " + update.set() + (update.where() == null ? "" : " WHERE " + update.where()));
        }
        return dialect.render(operation);
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

    /** Replaces each {@code ?} outside literals, identifiers and comments by its parameter as a literal. */
    private String inline(String sql, List<Object> parameters) {
        if (parameters.isEmpty()) {
            return sql;
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            }
            else if (c == '\'' || c == '"') {
                quote = c;
            }
            else if (c == '?' && next < parameters.size()) {
                out.append(dialect.literal(parameters.get(next++)));
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static void statement(StringBuilder sql, String statement) {
        String text = statement.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        sql.append(text).append(";\n");
    }
}
