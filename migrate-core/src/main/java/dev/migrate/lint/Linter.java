package dev.migrate.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.dialect.PostgresDialect;
import dev.migrate.op.Operation;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.ScriptException;

/**
 * Reads revisions, in the order they would run, for what their statements do to a PostgreSQL database under
 * traffic ({@link Hazard}). Java operations are read as the PostgreSQL dialect renders them and SQL revisions
 * statement by statement, so both are held to the same rules. A table that an earlier statement of the linted
 * revisions created is new: what would hurt on a table with rows and readers does not hurt there.
 */
public final class Linter {

    /**
     * @param postgresMajor the PostgreSQL major version the revisions will run on (before 11, any column default
     *     rewrites the table)
     * @param runnerLockTimeout whether the runner sets a lock timeout for revisions ({@code migrate.lock-timeout})
     */
    public record Settings(int postgresMajor, boolean runnerLockTimeout) {

        public static final Settings DEFAULT = new Settings(15, true);
    }

    private static final String NAME = "((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))*)";

    private static final int I = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^CREATE (?:(?:GLOBAL|LOCAL) )?(?:UNLOGGED |TEMP |TEMPORARY )?TABLE (IF NOT EXISTS )?" + NAME + "(.*)$", I);

    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^CREATE (UNIQUE )?INDEX (CONCURRENTLY )?(IF NOT EXISTS )?(?:" + NAME + " )?ON (?:ONLY )?" + NAME, I);

    private static final Pattern DROP_INDEX = Pattern.compile("^DROP INDEX (CONCURRENTLY )?(IF EXISTS )?", I);

    private static final Pattern DROP_TABLE = Pattern.compile("^DROP TABLE (IF EXISTS )?" + NAME, I);

    private static final Pattern ALTER_TABLE = Pattern.compile("^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?" + NAME
            + " (.*)$", I);

    private static final Pattern ADD_CHECK_OR_FOREIGN_KEY = Pattern.compile("^ADD (?:CONSTRAINT " + NAME
            + " )?(CHECK|FOREIGN KEY)\\b(.*)$", I);

    private static final Pattern NOT_NULL_CHECK = Pattern.compile("^\\(\\s*" + NAME + " IS NOT NULL\\s*\\)", I);

    private static final Pattern ADD_UNIQUE_OR_PRIMARY_KEY = Pattern.compile("^ADD (?:CONSTRAINT " + NAME
            + " )?(UNIQUE|PRIMARY KEY)\\b(.*)$", I);

    private static final Pattern ADD_COLUMN = Pattern.compile("^ADD (?!CONSTRAINT\\b)(?:COLUMN )?(IF NOT EXISTS )?" + NAME
            + " (.*)$", I);

    private static final Pattern ALTER_TYPE = Pattern.compile("^ALTER (?:COLUMN )?" + NAME
            + " (?:SET DATA )?TYPE (.+?)(?: COLLATE \\S+)?( USING .*)?$", I);

    private static final Pattern SET_NOT_NULL = Pattern.compile("^ALTER (?:COLUMN )?" + NAME + " SET NOT NULL$", I);

    private static final Pattern VALIDATE = Pattern.compile("^VALIDATE CONSTRAINT " + NAME + "$", I);

    private static final Pattern DROP_COLUMN = Pattern.compile("^DROP (?!CONSTRAINT\\b)(?:COLUMN )?(IF EXISTS )?"
            + NAME, I);

    private static final Pattern RENAME = Pattern.compile("^RENAME (?!CONSTRAINT\\b)", I);

    private static final Pattern JSON = Pattern.compile("\\bJSON\\b(?!\\s*\\()", I);

    private static final Pattern VOLATILE = Pattern.compile("\\b(RANDOM|CLOCK_TIMESTAMP|TIMEOFDAY|GEN_RANDOM_UUID|"
            + "UUID_GENERATE_\\w+|NEXTVAL|TXID_CURRENT)\\s*\\(|^(SMALLSERIAL|SERIAL|BIGSERIAL|SERIAL[248])\\b"
            + "|\\bGENERATED (ALWAYS|BY DEFAULT) AS (IDENTITY|\\()", I);

    private static final Pattern CONCURRENTLY = Pattern.compile("^(CREATE (UNIQUE )?INDEX|DROP INDEX|REINDEX"
            + "(?: \\w+)*?) CONCURRENTLY\\b|^ALTER TABLE .* DETACH PARTITION .* CONCURRENTLY", I);

    private static final Pattern SETS_LOCK_TIMEOUT = Pattern.compile("^SET (?:LOCAL |SESSION )?LOCK_TIMEOUT\\b", I);

    private static final Pattern DDL = Pattern.compile("^(ALTER|CREATE|DROP|REINDEX|TRUNCATE|COMMENT|VACUUM "
            + "FULL|CLUSTER|LOCK)\\b", I);

    private final Settings settings;

    private final ColumnTypes columnTypes;

    private final PostgresDialect postgres = new PostgresDialect();

    public Linter(Settings settings, ColumnTypes columnTypes) {
        this.settings = settings;
        this.columnTypes = columnTypes;
    }

    /** One statement of a revision, where it was written, and the number of the operation it is in. */
    private record Statement(String sql, String text, String where, int operation) {
    }

    /** What the linted revisions have done so far, as later ones see it. */
    private static final class Seen {

        final Set<String> newTables = new HashSet<>();

        /** NOT VALID checks of the form {@code col IS NOT NULL}, by constraint name: table and column. */
        final Map<String, String[]> notNullChecks = new HashMap<>();

        /** Columns ({@code table.column}) a validated check proves not null, so SET NOT NULL needs no scan. */
        final Set<String> provenNotNull = new HashSet<>();

        boolean isNew(String table) {
            return newTables.contains(StatementText.unqualified(table));
        }
    }

    /**
     * Lints the upgrades of these revisions, given in the order they run.
     *
     * @throws ScriptException when a revision acknowledges a hazard id that does not exist
     */
    public List<Finding> lint(List<RevisionScript> scripts) {
        return lint(scripts, Set.of());
    }

    /**
     * As {@link #lint(List)}, where the revisions {@code applied} names have already run: the tables they created
     * exist, with rows and readers, for the revisions after them.
     */
    public List<Finding> lint(List<RevisionScript> scripts, Set<String> applied) {
        List<Finding> findings = new ArrayList<>();
        Seen seen = new Seen();
        for (RevisionScript script : scripts) {
            lint(script, seen, findings, applied.contains(script.revision().id()));
        }
        return findings;
    }

    private void lint(RevisionScript script, Seen seen, List<Finding> findings, boolean applied) {
        Set<String> acknowledged = script.acknowledgedHazards();
        for (String id : acknowledged) {
            if (Hazard.byId(id) == null) {
                throw new ScriptException("Revision " + script.revision().id() + " (" + script.location()
                        + ") acknowledges '" + id + "', which is not a lint hazard; the hazards are "
                        + String.join(", ", Arrays.stream(Hazard.values()).map(Hazard::id).toList()) + ".");
            }
        }
        List<Finding> found = new ArrayList<>();
        Statement firstDdlOnExisting = null;
        boolean setsLockTimeout = false;
        for (Statement statement : statements(script)) {
            if (SETS_LOCK_TIMEOUT.matcher(statement.text()).find()) {
                setsLockTimeout = true;
            }
            int before = found.size();
            boolean onExisting = check(statement, script.transactional(), seen, found, applied);
            if (onExisting && firstDdlOnExisting == null) {
                firstDdlOnExisting = statement;
            }
            for (int i = before; i < found.size(); i++) {
                Finding finding = found.get(i);
                found.set(i, new Finding(script.revision().id(), finding.where(), finding.hazard(),
                        finding.statement(), finding.detail(), acknowledged.contains(finding.hazard().id()),
                        finding.operation()));
            }
        }
        if (!settings.runnerLockTimeout() && !setsLockTimeout && firstDdlOnExisting != null && script.transactional()) {
            found.add(new Finding(script.revision().id(), firstDdlOnExisting.where(), Hazard.NO_LOCK_TIMEOUT,
                    firstDdlOnExisting.sql(), "The runner's lock timeout is off and the revision sets none.",
                    acknowledged.contains(Hazard.NO_LOCK_TIMEOUT.id()), firstDdlOnExisting.operation()));
        }
        findings.addAll(found);
    }

    /** The revision's upgrade statements: Java operations as PostgreSQL receives them, SQL as written. */
    private List<Statement> statements(RevisionScript script) {
        List<Statement> statements = new ArrayList<>();
        List<Operation> operations = script.upgrade();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            String where = script.location() + ", operation " + (i + 1);
            if (operation instanceof Operation.Execute execute) {
                statements.add(new Statement(execute.sql().strip(), StatementText.normalize(execute.sql()),
                        execute.origin() != null ? execute.origin() : where, i + 1));
            }
            else if (!(operation instanceof Operation.BatchUpdate || operation instanceof Operation.JdbcWork
                    || operation instanceof Operation.BulkInsert)) {
                for (String sql : postgres.render(operation)) {
                    statements.add(new Statement(sql, StatementText.normalize(sql), where, i + 1));
                }
            }
        }
        return statements;
    }

    /** Adds the statement's findings (without the acknowledgement); whether it is DDL on an existing table. */
    private boolean check(Statement statement, boolean transactional, Seen seen, List<Finding> found,
            boolean applied) {
        String text = statement.text();
        if (CONCURRENTLY.matcher(text).find() && transactional) {
            found.add(finding(statement, Hazard.CONCURRENTLY_IN_TRANSACTION, null));
        }
        Matcher create = CREATE_TABLE.matcher(text);
        if (create.find()) {
            if (!applied) {
                seen.newTables.add(StatementText.unqualified(create.group(2)));
            }
            json(statement, create.group(3), found);
            rerunnable(statement, transactional, create.group(1) != null, found);
            return false;
        }
        Matcher index = CREATE_INDEX.matcher(text);
        if (index.find()) {
            boolean existing = !seen.isNew(index.group(5));
            if (index.group(2) == null && existing) {
                found.add(finding(statement, Hazard.INDEX_WITHOUT_CONCURRENTLY, null));
            }
            if (index.group(2) != null) {
                rerunnable(statement, transactional, index.group(3) != null, found);
            }
            return existing;
        }
        Matcher dropIndex = DROP_INDEX.matcher(text);
        if (dropIndex.find()) {
            if (dropIndex.group(1) == null) {
                found.add(finding(statement, Hazard.INDEX_WITHOUT_CONCURRENTLY, null));
            }
            rerunnable(statement, transactional, dropIndex.group(2) != null, found);
            return true;
        }
        Matcher dropTable = DROP_TABLE.matcher(text);
        if (dropTable.find()) {
            found.add(finding(statement, Hazard.DROP, null));
            rerunnable(statement, transactional, dropTable.group(1) != null, found);
            return !seen.isNew(dropTable.group(2));
        }
        Matcher alter = ALTER_TABLE.matcher(text);
        if (alter.find()) {
            String table = alter.group(1);
            boolean existing = !seen.isNew(table);
            for (String action : StatementText.topLevelParts(alter.group(2))) {
                alterAction(statement, transactional, table, existing, action, seen, found);
            }
            return existing;
        }
        return DDL.matcher(text).find();
    }

    private void alterAction(Statement statement, boolean transactional, String table, boolean existing,
            String action, Seen seen, List<Finding> found) {
        Matcher constraint = ADD_CHECK_OR_FOREIGN_KEY.matcher(action);
        if (constraint.find()) {
            boolean notValid = constraint.group(3).toUpperCase(Locale.ROOT).contains("NOT VALID");
            if (existing && !notValid) {
                found.add(finding(statement, Hazard.CONSTRAINT_WITHOUT_NOT_VALID, null));
            }
            Matcher notNull = NOT_NULL_CHECK.matcher(constraint.group(3).strip());
            if (notValid && constraint.group(1) != null && constraint.group(2).equalsIgnoreCase("CHECK")
                    && notNull.find()) {
                seen.notNullChecks.put(StatementText.unqualified(constraint.group(1)),
                        new String[] { StatementText.unqualified(table), StatementText.unqualified(notNull.group(1)) });
            }
            return;
        }
        Matcher unique = ADD_UNIQUE_OR_PRIMARY_KEY.matcher(action);
        if (unique.find()) {
            if (existing && !unique.group(3).toUpperCase(Locale.ROOT).contains("USING INDEX")) {
                found.add(finding(statement, Hazard.UNIQUE_WITHOUT_INDEX, null));
            }
            return;
        }
        Matcher validate = VALIDATE.matcher(action);
        if (validate.find()) {
            String[] column = seen.notNullChecks.get(StatementText.unqualified(validate.group(1)));
            if (column != null) {
                seen.provenNotNull.add(column[0] + "." + column[1]);
            }
            return;
        }
        Matcher add = ADD_COLUMN.matcher(action);
        if (add.find()) {
            String definition = add.group(3);
            json(statement, definition, found);
            String upper = definition.toUpperCase(Locale.ROOT);
            boolean hasDefault = upper.contains("DEFAULT ");
            boolean volatileDefault = VOLATILE.matcher(definition).find();
            if (existing && upper.contains("NOT NULL") && !hasDefault && !volatileDefault) {
                found.add(finding(statement, Hazard.NOT_NULL_COLUMN_WITHOUT_DEFAULT, null));
            }
            if (existing && volatileDefault) {
                found.add(finding(statement, Hazard.VOLATILE_DEFAULT, null));
            }
            else if (existing && hasDefault && settings.postgresMajor() < 11) {
                found.add(finding(statement, Hazard.VOLATILE_DEFAULT, "Before PostgreSQL 11 every default "
                        + "rewrites the table, and the revisions are linted for PostgreSQL " + settings.postgresMajor()
                        + "."));
            }
            rerunnable(statement, transactional, add.group(1) != null, found);
            return;
        }
        Matcher type = ALTER_TYPE.matcher(action);
        if (type.find()) {
            json(statement, type.group(2), found);
            if (existing) {
                typeChange(statement, table, type, found);
            }
            return;
        }
        Matcher setNotNull = SET_NOT_NULL.matcher(action);
        if (setNotNull.find()) {
            String column = StatementText.unqualified(table) + "." + StatementText.unqualified(setNotNull.group(1));
            if (existing && !(seen.provenNotNull.contains(column) && settings.postgresMajor() >= 12)) {
                found.add(finding(statement, Hazard.SET_NOT_NULL, null));
            }
            return;
        }
        Matcher drop = DROP_COLUMN.matcher(action);
        if (drop.find()) {
            if (existing) {
                found.add(finding(statement, Hazard.DROP, null));
            }
            rerunnable(statement, transactional, drop.group(1) != null, found);
            return;
        }
        if (RENAME.matcher(action).find() && existing) {
            found.add(finding(statement, Hazard.RENAME, null));
        }
    }

    private void typeChange(Statement statement, String table, Matcher type, List<Finding> found) {
        String column = StatementText.unqualified(type.group(1));
        String newType = type.group(2).strip();
        if (type.group(3) != null) {
            found.add(finding(statement, Hazard.COLUMN_TYPE_CHANGE, "USING converts every row."));
            return;
        }
        String current = columnTypes.typeOf(StatementText.unqualified(table), column);
        if (current == null) {
            found.add(finding(statement, Hazard.COLUMN_TYPE_CHANGE, "The column's current type is not known (lint "
                    + "against the database to tell a safe widening from a rewrite)."));
        }
        else if (!TypeChange.rewritesNothing(current, newType)) {
            found.add(finding(statement, Hazard.COLUMN_TYPE_CHANGE, "From " + current + " to " + newType
                    + " rewrites the table."));
        }
    }

    private static void json(Statement statement, String definition, List<Finding> found) {
        if (JSON.matcher(definition).find()) {
            found.add(finding(statement, Hazard.JSON_TYPE, null));
        }
    }

    private static void rerunnable(Statement statement, boolean transactional, boolean guarded,
            List<Finding> found) {
        if (!transactional && !guarded) {
            found.add(finding(statement, Hazard.NOT_RERUNNABLE, null));
        }
    }

    private static Finding finding(Statement statement, Hazard hazard, String detail) {
        return new Finding(null, statement.where(), hazard, statement.sql(), detail, false, statement.operation());
    }
}
