package dev.migrate.lint;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.revision.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Step;
import dev.migrate.script.RevisionScript;

/**
 * Lints the revisions a Migrate would run next: those the database has not applied (or all of them), less the old
 * history a {@code since} revision exempts, for the PostgreSQL version the database runs (or the one given), with
 * current column types read from its catalog.
 */
public final class Lint {

    /**
     * @param since a revision whose ancestors and itself are exempt (history that ran long ago), or {@code null}
     * @param postgresMajor the PostgreSQL major version to lint for, or {@code null} for the database's
     * @param all whether to lint every revision rather than those not yet applied
     */
    public record Options(String since, Integer postgresMajor, boolean all) {

        public static final Options PENDING = new Options(null, null, false);
    }

    /** What a lint found, and which revisions it read. */
    public record Report(List<String> revisions, List<Finding> findings) {

        public List<Finding> unacknowledged() {
            return findings.stream().filter(finding -> !finding.acknowledged()).toList();
        }

        /** The report as the {@code lint} command prints it. */
        public String describe() {
            if (revisions.isEmpty()) {
                return "No revisions to lint: the database has applied every one.";
            }
            if (findings.isEmpty()) {
                return "No hazards in the " + revisions.size() + " revision(s) linted.";
            }
            StringBuilder text = new StringBuilder();
            findings.forEach(finding -> text.append(finding.describe()).append("\n\n"));
            long inRevisions = findings.stream().map(Finding::revision).distinct().count();
            int acknowledged = findings.size() - unacknowledged().size();
            text.append(findings.size()).append(" hazard(s) in ").append(inRevisions).append(" of the ")
                    .append(revisions.size()).append(" revision(s) linted, ").append(acknowledged)
                    .append(" acknowledged.");
            if (!unacknowledged().isEmpty()) {
                text.append("\nOnce a person has weighed a hazard, acknowledge it in its revision: '-- acknowledge: ")
                        .append(unacknowledged().get(0).hazard().id()).append("' in an SQL header, or ")
                        .append("@RevisionInfo(acknowledge = \"").append(unacknowledged().get(0).hazard().id())
                        .append("\") in Java.");
            }
            return text.toString();
        }
    }

    private Lint() {
    }

    public static Report run(Migrate migrate, Options options) {
        return run(migrate, options, database(migrate));
    }

    /** As {@link #run}, where the database is PostgreSQL, whose rules these are; {@code null} on any other. */
    public static Report runOnPostgres(Migrate migrate, Options options) {
        Database database = database(migrate);
        return database.postgres() ? run(migrate, options, database) : null;
    }

    private static Report run(Migrate migrate, Options options, Database database) {
        Plan plan = options.all() ? migrate.planner().upgrade(List.of(), "heads") : migrate.pending("heads");
        Set<String> exempt = exempt(migrate, options.since());
        List<RevisionScript> scripts = plan.steps().stream().map(Step::revision).map(Revision::id)
                .filter(id -> !exempt.contains(id)).map(id -> migrate.scripts().script(id)).toList();
        if (scripts.isEmpty()) {
            return new Report(List.of(), List.of());
        }
        int major = options.postgresMajor() != null ? options.postgresMajor() : database.postgresMajor();
        Linter linter = new Linter(new Linter.Settings(major, migrate.settings().lockTimeouts().lockTimeout() != null),
                database.postgres() ? ColumnTypes.of(migrate.dataSource()) : ColumnTypes.UNKNOWN);
        // With all of history linted, what the database has run made tables that have rows by now.
        Set<String> applied = new HashSet<>();
        if (options.all()) {
            applied.addAll(plan.revisionIds());
            applied.removeAll(migrate.pending("heads").revisionIds());
        }
        return new Report(scripts.stream().map(script -> script.revision().id()).toList(),
                linter.lint(scripts, applied));
    }

    private static Set<String> exempt(Migrate migrate, String since) {
        Set<String> exempt = new HashSet<>();
        if (since == null || since.isBlank()) {
            return exempt;
        }
        Revision revision = migrate.graph().get(since);
        if (revision == null) {
            throw new MigrateException("The lint's 'since' revision '" + since + "' is not a revision of the graph.");
        }
        exempt.add(revision.id());
        migrate.graph().ancestors(revision).forEach(ancestor -> exempt.add(ancestor.id()));
        return exempt;
    }

    private record Database(boolean postgres, int postgresMajor) {
    }

    /** The PostgreSQL major version of the Migrate's database (the default one where it is another database). */
    public static int postgresMajor(Migrate migrate) {
        return database(migrate).postgresMajor();
    }


    private static Database database(Migrate migrate) {
        try (Connection connection = migrate.dataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            boolean postgres = metaData.getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
            return new Database(postgres, postgres ? metaData.getDatabaseMajorVersion()
                    : Linter.Settings.DEFAULT.postgresMajor());
        }
        catch (SQLException ex) {
            throw new MigrateException("Cannot connect to the database to lint against it: " + ex.getMessage(), ex);
        }
    }
}
