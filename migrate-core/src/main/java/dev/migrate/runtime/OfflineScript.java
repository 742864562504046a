package dev.migrate.runtime;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.dialect.Dialect;
import dev.migrate.op.Operation;
import dev.migrate.op.RevisionContext;
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

    private final ScriptDirectory scripts;

    private final Dialect dialect;

    private final RunSettings settings;

    private final ScriptText text;

    public OfflineScript(ScriptDirectory scripts, Dialect dialect, RunSettings settings) {
        this.scripts = scripts;
        this.dialect = dialect;
        this.settings = settings;
        this.text = new ScriptText(dialect);
    }

    /**
     * The script of a plan; with {@code createTables} it starts by creating the state tables, as a script from
     * base must.
     */
    public String render(Plan plan, boolean createTables) {
        return render(plan, createTables, RevisionContext.NONE);
    }

    /** As {@link #render(Plan, boolean)}, for revisions given these {@code -x} arguments and tag. */
    public String render(Plan plan, boolean createTables, RevisionContext context) {
        StringBuilder sql = new StringBuilder();
        String from = plan.fromRows().isEmpty() ? "base" : String.join(", ", plan.fromRows());
        String to = plan.toRows().isEmpty() ? "base" : String.join(", ", plan.toRows());
        ScriptText.comment(sql, "Migrate offline script for " + dialect.name() + ": " + from + " -> " + to);
        sql.append('\n');
        settings(sql);
        if (createTables) {
            createStateTables(sql);
            sql.append('\n');
        }
        if (settings.schema() != null && dialect.name().equals("postgresql")) {
            ScriptText.statement(sql, "SET search_path TO " + dialect.quote(settings.schema()));
            sql.append('\n');
        }
        Transaction transaction = new Transaction(sql);
        for (Step step : plan.steps()) {
            renderStep(sql, step, transaction, context);
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
                ScriptText.statement(sql, "BEGIN");
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
                ScriptText.statement(sql, "COMMIT");
                open = false;
            }
        }
    }

    /** The script that creates the state tables when they are missing ({@code ensure_version --sql}). */
    public String renderStateTables() {
        StringBuilder sql = new StringBuilder();
        ScriptText.comment(sql, "Migrate offline script for " + dialect.name() + ": the state tables");
        sql.append('\n');
        createStateTables(sql);
        return sql.toString();
    }

    private void createStateTables(StringBuilder sql) {
        if (settings.schema() != null) {
            ScriptText.statement(sql, "CREATE SCHEMA IF NOT EXISTS " + dialect.quote(settings.schema()));
        }
        ScriptText.statement(sql, dialect.createVersionTable(settings.schema(), settings.versionTable()));
        ScriptText.statement(sql, dialect.createHistoryTable(settings.schema(), settings.historyTable()));
    }

    /** The script of a {@code stamp}: the version-table rows change from {@code from} to {@code to}, nothing runs. */
    public String renderStamp(List<String> from, List<String> to, boolean createTables) {
        StringBuilder sql = new StringBuilder();
        ScriptText.comment(sql, "Migrate offline stamp for " + dialect.name() + ": " + (from.isEmpty() ? "base"
                : String.join(", ", from)) + " -> " + (to.isEmpty() ? "base" : String.join(", ", to)));
        sql.append('\n');
        settings(sql);
        if (createTables) {
            createStateTables(sql);
        }
        String version = dialect.qualify(settings.schema(), settings.versionTable());
        if (dialect.transactionalDdl()) {
            ScriptText.statement(sql, "BEGIN");
        }
        for (String row : from) {
            if (!to.contains(row)) {
                ScriptText.statement(sql, "DELETE FROM " + version + " WHERE version_num = " + dialect.stringLiteral(row));
            }
        }
        for (String row : to) {
            if (!from.contains(row)) {
                ScriptText.statement(sql, "INSERT INTO " + version + " (version_num) VALUES (" + dialect.stringLiteral(row) + ")");
            }
        }
        if (dialect.transactionalDdl()) {
            ScriptText.statement(sql, "COMMIT");
        }
        return sql.toString();
    }

    private void renderStep(StringBuilder sql, Step step, Transaction transaction, RevisionContext context) {
        RevisionScript script = scripts.script(step.revision().id());
        StepEvent event = new StepEvent(step, script.location(), script.transactional(), true, settings.name());
        List<Operation> operations = step.direction() == Direction.UPGRADE ? script.upgrade(context)
                : script.downgrade(context);
        boolean transactional = script.transactional() && dialect.transactionalDdl();
        ScriptText.comment(sql, "Running " + event.describe() + " (" + script.location() + ")");
        if (transactional) {
            transaction.begin();
        }
        else {
            transaction.commit();
        }
        for (Operation operation : operations) {
            text.operation(sql, operation);
        }
        transaction.begin();
        String version = dialect.qualify(settings.schema(), settings.versionTable());
        List<String> deleted = new ArrayList<>(step.deletedRows());
        List<String> inserted = new ArrayList<>(step.insertedRows());
        if (!deleted.isEmpty() && !inserted.isEmpty()) {
            ScriptText.statement(sql, "UPDATE " + version + " SET version_num = " + dialect.stringLiteral(inserted.remove(0))
                    + " WHERE version_num = " + dialect.stringLiteral(deleted.remove(0)));
        }
        for (String row : deleted) {
            ScriptText.statement(sql, "DELETE FROM " + version + " WHERE version_num = " + dialect.stringLiteral(row));
        }
        for (String row : inserted) {
            ScriptText.statement(sql, "INSERT INTO " + version + " (version_num) VALUES (" + dialect.stringLiteral(row) + ")");
        }
        ScriptText.statement(sql, "INSERT INTO " + dialect.qualify(settings.schema(), settings.historyTable())
                + " (revision, direction, message, checksum, started_at, duration_ms, applied_by, success, tag) VALUES ("
                + dialect.stringLiteral(step.revision().id()) + ", " + dialect.stringLiteral(step.direction().label()) + ", "
                + dialect.stringLiteral(step.revision().message()) + ", " + dialect.stringLiteral(script.checksum())
                + ", CURRENT_TIMESTAMP, NULL, CURRENT_USER, TRUE, " + (context.tag() == null ? "NULL"
                        : dialect.stringLiteral(context.tag())) + ")");
        transaction.endRevision();
        sql.append('\n');
    }

    /**
     * Settings the script's statements are written for: PostgreSQL reads the literals with
     * {@code standard_conforming_strings} on, as Migrate writes them and splits SQL files.
     */
    private void settings(StringBuilder sql) {
        if (dialect.name().equals("postgresql")) {
            ScriptText.statement(sql, "SET standard_conforming_strings = on");
            sql.append('\n');
        }
    }
}
