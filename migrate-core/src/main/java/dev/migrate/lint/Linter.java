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
            + " )?(UNIQUE|PRIMARY KEY|EXCLUDE)\\b(.*)$", I);

    private static final Pattern NOT_VALID = Pattern.compile("\\bNOT VALID$", I);

    private static final Pattern USING_INDEX = Pattern.compile("\\bUSING INDEX\\b", I);

    private static final Pattern BUILDS_INDEX = Pattern.compile("\\b(UNIQUE|PRIMARY KEY)\\b", I);

    private static final Pattern HAS_DEFAULT = Pattern.compile("\\bDEFAULT\\b", I);

    /** A check as {@code pg_get_constraintdef} writes it: {@code CHECK ((email IS NOT NULL)) NOT VALID}. */
    private static final Pattern CHECK_DEFINITION = Pattern.compile("^CHECK \\(\\(" + NAME
            + " IS NOT NULL\\)\\)( NOT VALID)?$", I);

    private static final Pattern ADD_COLUMN = Pattern.compile("^ADD (?!(?:CONSTRAINT|EXCLUDE|UNIQUE|PRIMARY KEY|CHECK|"
            + "FOREIGN KEY)\\b)(?:COLUMN )?(IF NOT EXISTS )?" + NAME
            + " (.*)$", I);

    private static final Pattern ALTER_TYPE = Pattern.compile("^ALTER (?:COLUMN )?" + NAME
            + " (?:SET DATA )?TYPE (.+?)( COLLATE \\S+)?( USING .*)?$", I);

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
            + "(?: \\w+){0,3}?) CONCURRENTLY\\b", I);

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

        /** Tables the linted revisions create, as {@link StatementText#key} names them. */
        final Set<String> newTables = new HashSet<>();

        /** Indexes the linted revisions create on those tables. */
        final Set<String> newIndexes = new HashSet<>();

        /** NOT VALID checks of the form {@code col IS NOT NULL}, by table and constraint: the column. */
        final Map<String, String> notNullChecks = new HashMap<>();

        /** NOT VALID constraints the revision being linted adds, by table and constraint. */
        final Set<String> addedNotValidHere = new HashSet<>();

        /** Columns ({@code table.column}) a validated check proves not null, so SET NOT NULL needs no scan. */
        final Set<String> provenNotNull = new HashSet<>();

        boolean isNew(String table) {
            return newTables.contains(StatementText.key(table));
        }

        static String constraintKey(String table, String constraint) {
            return StatementText.key(table) + "/" + StatementText.unqualified(constraint);
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
        seen.addedNotValidHere.clear();
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
        boolean detach = text.regionMatches(true, 0, "ALTER TABLE ", 0, 12)
                && text.toUpperCase(Locale.ROOT).contains(" DETACH PARTITION ")
                && text.toUpperCase(Locale.ROOT).endsWith(" CONCURRENTLY");
        if ((CONCURRENTLY.matcher(text).find() || detach) && transactional) {
            found.add(finding(statement, Hazard.CONCURRENTLY_IN_TRANSACTION, null));
        }
        Matcher create = CREATE_TABLE.matcher(text);
        if (create.find()) {
            if (!applied) {
                seen.newTables.add(StatementText.key(create.group(2)));
            }
            json(statement, create.group(3), found);
            rerunnable(statement, transactional, create.group(1) != null, found);
            return false;
        }
        Matcher index = CREATE_INDEX.matcher(text);
        if (index.find()) {
            boolean existing = !seen.isNew(index.group(5));
            if (!existing && index.group(4) != null) {
                seen.newIndexes.add(StatementText.key(index.group(4)));
            }
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
            String names = text.substring(dropIndex.end()).replaceAll("(?i)\\s+(CASCADE|RESTRICT)$", "");
            boolean onNewTables = StatementText.topLevelParts(names).stream()
                    .allMatch(name -> seen.newIndexes.contains(StatementText.key(name)));
            if (dropIndex.group(1) == null && !onNewTables) {
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
            boolean notValid = NOT_VALID.matcher(constraint.group(3).strip()).find();
            if (existing && !notValid) {
                found.add(finding(statement, Hazard.CONSTRAINT_WITHOUT_NOT_VALID, null));
            }
            if (notValid && constraint.group(1) != null) {
                String key = Seen.constraintKey(table, constraint.group(1));
                seen.addedNotValidHere.add(key);
                Matcher notNull = NOT_NULL_CHECK.matcher(constraint.group(3).strip());
                if (constraint.group(2).equalsIgnoreCase("CHECK") && notNull.find()) {
                    seen.notNullChecks.put(key, StatementText.unqualified(notNull.group(1)));
                }
            }
            return;
        }
        Matcher unique = ADD_UNIQUE_OR_PRIMARY_KEY.matcher(action);
        if (unique.find()) {
            if (existing && !USING_INDEX.matcher(unique.group(3)).find()) {
                found.add(finding(statement, Hazard.UNIQUE_WITHOUT_INDEX, null));
            }
            return;
        }
        Matcher validate = VALIDATE.matcher(action);
        if (validate.find()) {
            String key = Seen.constraintKey(table, validate.group(1));
            if (transactional && seen.addedNotValidHere.contains(key)) {
                found.add(finding(statement, Hazard.CONSTRAINT_WITHOUT_NOT_VALID, "Validated in the transaction that "
                        + "added it, so the ADD's lock is held through the scan; validate it in a later revision or "
                        + "a non-transactional one."));
            }
            String column = seen.notNullChecks.get(key);
            if (column == null) {
                // Added by a revision that has run: the catalog knows what it checks.
                String definition = columnTypes.constraintDefinition(table, StatementText.unqualified(validate.group(1)));
                Matcher notNull = definition == null ? null : CHECK_DEFINITION.matcher(definition.strip());
                column = notNull != null && notNull.find() ? StatementText.unqualified(notNull.group(1)) : null;
            }
            if (column != null) {
                seen.provenNotNull.add(StatementText.key(table) + "." + column);
            }
            return;
        }
        Matcher add = ADD_COLUMN.matcher(action);
        if (add.find()) {
            String definition = add.group(3);
            json(statement, definition, found);
            String upper = definition.toUpperCase(Locale.ROOT);
            boolean hasDefault = HAS_DEFAULT.matcher(definition).find();
            boolean volatileDefault = VOLATILE.matcher(definition).find();
            if (existing && BUILDS_INDEX.matcher(definition).find()) {
                found.add(finding(statement, Hazard.UNIQUE_WITHOUT_INDEX, "The column's UNIQUE or PRIMARY KEY builds "
                        + "an index under the table's lock."));
            }
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
            String column = StatementText.key(table) + "." + StatementText.unqualified(setNotNull.group(1));
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
        if (type.group(4) != null) {
            found.add(finding(statement, Hazard.COLUMN_TYPE_CHANGE, "USING converts every row."));
            return;
        }
        if (type.group(3) != null) {
            found.add(finding(statement, Hazard.COLUMN_TYPE_CHANGE, "A new collation rebuilds the column's indexes."));
            return;
        }
        String current = columnTypes.typeOf(table, column);
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
