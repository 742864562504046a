package dev.migrate.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.lint.ColumnTypes;
import dev.migrate.lint.Finding;
import dev.migrate.lint.Lint;
import dev.migrate.lint.Linter;
import dev.migrate.lint.OperationsScript;
import dev.migrate.op.Operation;
import dev.migrate.revision.Revision;
import dev.migrate.runtime.ScriptText;
import dev.migrate.schema.CheckConditions;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.RevisionWriter;

/**
 * Alembic's {@code revision --autogenerate} and {@code check}: compares the schema the entity model wants with the
 * database (which must be at the heads) and writes the difference as the next revision.
 */
public final class Autogenerator {

    private final Migrate migrate;

    private final TargetSchema model;

    private final SchemaComparison comparison;

    private final boolean safeForms;

    private int roundTrips;

    /**
     * @param model the schema the application's entity model wants
     */
    public Autogenerator(Migrate migrate, TargetSchema model, SchemaComparison comparison) {
        this(migrate, model, comparison, false);
    }

    /**
     * @param safeForms whether to write changes to existing PostgreSQL tables in the forms that keep the database
     *     serving ({@link SafeForms}), with what lint still finds written beside them
     */
    public Autogenerator(Migrate migrate, TargetSchema model, SchemaComparison comparison, boolean safeForms) {
        this.migrate = migrate;
        this.model = model;
        this.comparison = comparison;
        this.safeForms = safeForms;
    }

    /**
     * The changes of a new revision, and those of its non-transactional follow-up, when safe forms are asked for
     * and the database is PostgreSQL; else all of them in the revision.
     */
    public SafeForms.Split split(List<Change> changes) {
        Dialect dialect = dialect();
        if (!safeForms || !dialect.supportsConcurrentIndexes()) {
            return new SafeForms.Split(changes, List.of());
        }
        return new SafeForms(dialect).split(changes);
    }

    /**
     * The enum labels the changes add and then use (in a default or a check): PostgreSQL refuses a label in the
     * transaction that added it, so a revision holding both runs non-transactional, as Alembic's autocommit block.
     */
    public List<String> enumLabelsUsedWhereAdded(List<Change> changes) {
        List<String> added = new ArrayList<>();
        List<Operation> others = new ArrayList<>();
        for (Change change : changes) {
            for (Operation operation : change.upgrade()) {
                if (operation instanceof Operation.AddEnumValue add) {
                    added.add(add.value());
                }
                else {
                    others.add(operation);
                }
            }
        }
        if (added.isEmpty()) {
            return List.of();
        }
        Dialect dialect = dialect();
        ScriptText script = new ScriptText(dialect);
        StringBuilder text = new StringBuilder();
        others.forEach(operation -> script.operation(text, operation));
        return added.stream().filter(label -> text.indexOf(dialect.stringLiteral(label)) >= 0).toList();
    }

    /**
     * The changes with what lint finds in them added to their hints, so that the person reviewing the revision
     * sees each hazard the generator could not avoid (only with safe forms, on PostgreSQL).
     *
     * @param before the revisions that run just before it and are not written yet either (a follow-up's revision)
     */
    public List<Change> withLintFindings(List<Change> changes, Revision revision, boolean transactional,
            List<RevisionScript> before) {
        if (!safeForms || !dialect().supportsConcurrentIndexes() || changes.isEmpty()) {
            return changes;
        }
        List<Operation> operations = SchemaComparison.upgrade(changes);
        Linter linter = new Linter(new Linter.Settings(Lint.postgresMajor(migrate),
                migrate.settings().lockTimeouts().lockTimeout() != null), ColumnTypes.of(migrate.dataSource()));
        List<RevisionScript> scripts = new ArrayList<>(before);
        scripts.add(new OperationsScript(revision, transactional, operations));
        List<Finding> findings = linter.lint(scripts).stream()
                .filter(finding -> finding.revision().equals(revision.id())).toList();
        List<Change> annotated = new ArrayList<>();
        int first = 1;
        for (Change change : changes) {
            int last = first + change.upgrade().size() - 1;
            int from = first;
            List<String> notes = findings.stream().filter(f -> f.operation() >= from && f.operation() <= last)
                    .map(f -> "lint: " + f.hazard().id() + " (" + f.hazard().why() + "; instead: " + f.hazard().instead()
                            + "); acknowledge it once weighed")
                    .distinct().toList();
            String hint = change.hint();
            for (String note : notes) {
                hint = hint == null ? note : hint + "; " + note;
            }
            annotated.add(new Change(change.phase(), change.description(), change.upgrade(), change.downgrade(), hint));
            first = last + 1;
        }
        return annotated;
    }

    /**
     * The changes between the model and the database.
     *
     * @throws MigrateException when the database is not at the heads: a revision written then would repeat or
     *     undo revisions that have not run
     */
    public List<Change> compare() {
        List<String> rows = migrate.current();
        // At the heads means every head applied, its own row or not: a head that others only depend on is applied
        // without a row of its own.
        List<String> pending = migrate.planner().upgrade(rows, "heads").revisionIds();
        if (!pending.isEmpty()) {
            List<String> heads = migrate.heads().stream().map(Revision::id).toList();
            throw new MigrateException("The database is not up to date: it is at " + (rows.isEmpty() ? "base"
                    : String.join(", ", rows)) + ", the heads are " + String.join(", ", heads) + ", and "
                    + String.join(", ", pending) + " are not applied. Run 'upgrade heads' first, so that the comparison "
                    + "sees every revision's changes.");
        }
        try (Connection connection = migrate.dataSource().getConnection()) {
            Dialect dialect = dialect(connection);
            Schema live = live(connection, dialect);
            return comparison.compare(model.read(connection, dialect), live);
        }
        catch (SQLException ex) {
            throw new MigrateException("Cannot read the database's schema: " + ex.getMessage(), ex);
        }
    }

    /** Reads the live schema, leaving out Migrate's own tables. */
    public Schema live() {
        try (Connection connection = migrate.dataSource().getConnection()) {
            return live(connection, dialect(connection));
        }
        catch (SQLException ex) {
            throw new MigrateException("Cannot read the database's schema: " + ex.getMessage(), ex);
        }
    }

    private Schema live(Connection connection, Dialect dialect) throws SQLException {
        SchemaReader reader = SchemaReader.of(dialect);
        Set<String> ignored = Set.of(migrate.settings().versionTable(), migrate.settings().historyTable(),
                migrate.settings().historyTable() + "_batches");
        Schema schema = reader.read(connection, migrate.settings().schema(), ignored);
        roundTrips = reader.roundTrips();
        return CheckConditions.settle(connection, dialect, migrate.settings().schema(), schema);
    }

    private Dialect dialect(Connection connection) throws SQLException {
        return migrate.settings().dialect() != null ? migrate.settings().dialect() : Dialect.of(connection);
    }

    /** Statements the last live read sent. */
    public int roundTrips() {
        return roundTrips;
    }

    /** The changes as {@code check} reports them, one per line. */
    public static String describe(List<Change> changes) {
        return changes.stream().map(change -> "  - " + change.description()).collect(Collectors.joining("\n"));
    }

    /** The body of a revision for the changes, in the writer's format. */
    public RevisionWriter.Body body(List<Change> changes, RevisionWriter.Format format) {
        if (format == RevisionWriter.Format.SQL) {
            Dialect dialect = dialect();
            StringBuilder upgrade = new StringBuilder();
            for (Change change : changes) {
                if (change.hint() != null) {
                    ScriptText.comment(upgrade, change.hint());
                }
                upgrade.append(sql(dialect, change.upgrade()));
            }
            return new RevisionWriter.Body(null, null, upgrade.toString(),
                    sql(dialect, SchemaComparison.downgrade(changes)), List.of());
        }
        JavaRenderer renderer = new JavaRenderer();
        return new RevisionWriter.Body(renderer.upgrade(changes), renderer.downgrade(changes), null, null,
                renderer.staticImports());
    }

    private Dialect dialect() {
        if (migrate.settings().dialect() != null) {
            return migrate.settings().dialect();
        }
        try (Connection connection = migrate.dataSource().getConnection()) {
            return Dialect.of(connection);
        }
        catch (SQLException ex) {
            throw new MigrateException("Cannot reach the database: " + ex.getMessage(), ex);
        }
    }

    /**
     * The operations as an SQL revision holds them, as an offline run prints them; Java code (which a customizer may
     * have added) has no SQL and is refused rather than left out.
     */
    private static String sql(Dialect dialect, List<Operation> operations) {
        ScriptText text = new ScriptText(dialect);
        StringBuilder sql = new StringBuilder();
        for (Operation operation : operations) {
            if (operation instanceof Operation.JdbcWork work) {
                throw new MigrateException("The revision holds Java code ('" + work.description() + "'), which an "
                        + "SQL revision cannot hold; write Java revisions (migrate.revisions.format=java) or give "
                        + "the change as SQL.");
            }
            text.operation(sql, operation);
        }
        return sql.toString();
    }
}
