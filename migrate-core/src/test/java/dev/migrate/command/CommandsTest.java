package dev.migrate.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.Migrate;
import dev.migrate.script.RevisionWriter;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.TestRevision;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command's output and exit status, against real PostgreSQL and the seed's Java revisions. */
class CommandsTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path sources;

    Commands commands;

    Commands branched;

    @BeforeEach
    void setUp() throws Exception {
        db.reset();
        RevisionWriter writer = writer();
        commands = new Commands(Migrate.builder().dataSource(db.dataSource()).locations("classpath:dev/migrate/seed/java")
                .build(), writer);
        branched = new Commands(Migrate.builder().dataSource(db.dataSource()).versionTable("branched_version")
                .historyTable("branched_history").locations("classpath:dev/migrate/graph/java").build(), writer);
    }

    RevisionWriter writer() {
        return new RevisionWriter(new RevisionWriter.Settings(RevisionWriter.Format.JAVA, sources, "db.revisions",
                RevisionWriter.DEFAULT_TEMPLATE), Clock.fixed(Instant.parse("2026-11-28T04:05:00Z"), ZoneOffset.UTC));
    }

    @Test
    void upgradePrintsEachStepAndWhereTheDatabaseEnds() {
        CommandResult result = commands.run("upgrade +2");
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("""
                Running upgrade -> a1b2c3d4e5f6, create users table
                Running upgrade a1b2c3d4e5f6 -> b2c3d4e5f6a1, create strategies table
                The database is at b2c3d4e5f6a1.""");
        assertThat(commands.run("upgrade").output()).endsWith("The database is at d4e5f6a1b2c3.");
        assertThat(commands.run("upgrade heads").output()).isEqualTo("Nothing to do; the database is at d4e5f6a1b2c3.");
    }

    @Test
    void downgradeTakesRelativeTargets() {
        commands.run("upgrade heads");
        CommandResult result = commands.run("downgrade -1");
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("""
                Running downgrade d4e5f6a1b2c3 -> c3d4e5f6a1b2, add full_name filled from email
                The database is at c3d4e5f6a1b2.""");
        assertThat(commands.run("downgrade base").output()).endsWith("The database is at base.");
    }

    @Test
    void currentShowsTheRowsAndVerboseShowsTheRevision() {
        assertThat(commands.run("current").output()).isEmpty();
        commands.run("upgrade heads");
        assertThat(commands.run("current").output()).isEqualTo("d4e5f6a1b2c3 (head)");
        assertThat(commands.run("current --verbose").output()).isEqualTo("Current revision(s) for " + db.jdbcUrl() + ":\n"
                + """
                Rev: d4e5f6a1b2c3 (head)
                Parent: c3d4e5f6a1b2
                Path: dev.migrate.seed.java.R20250201_0800_d4e5f6a1b2c3_add_full_name

                    add full_name filled from email
                   \s
                    Revision ID: d4e5f6a1b2c3
                    Revises: c3d4e5f6a1b2
                    Create Date:""");
    }

    @Test
    void historyListsNewestFirstAndMarksTheCurrentRevisionOnRequest() {
        commands.run("upgrade +1");
        assertThat(commands.run("history").output()).isEqualTo("""
                c3d4e5f6a1b2 -> d4e5f6a1b2c3 (head), add full_name filled from email
                b2c3d4e5f6a1 -> c3d4e5f6a1b2, create credits with a non-negative balance
                a1b2c3d4e5f6 -> b2c3d4e5f6a1, create strategies table
                <base> -> a1b2c3d4e5f6, create users table""");
        assertThat(commands.run("history -r current: -i").output()).isEqualTo("""
                c3d4e5f6a1b2 -> d4e5f6a1b2c3 (head), add full_name filled from email
                b2c3d4e5f6a1 -> c3d4e5f6a1b2, create credits with a non-negative balance
                a1b2c3d4e5f6 -> b2c3d4e5f6a1, create strategies table
                <base> -> a1b2c3d4e5f6 (current), create users table""");
        assertThat(commands.run("history -r head-2:").output().lines()).hasSize(3);
    }

    @Test
    void headsAndBranchesDescribeTheGraph() {
        // The audit branch is only depended on: Alembic's "effective head". Labels are those of every branch a
        // revision is on.
        assertThat(branched.run("heads").output())
                .isEqualTo("xxxx00000001 (audit) (effective head)\nmmmm00000001 (billing, core, network) (head)");
        assertThat(branched.run("heads --resolve-dependencies").output())
                .isEqualTo("mmmm00000001 (billing, core, network) (head)");
        assertThat(branched.run("branches").output()).isEqualTo("""
                aaaa00000001 (core) (branchpoint)
                             -> bbbb00000001 (billing, core)
                             -> nnnn00000001 (core, network)""");
    }

    @Test
    void showPrintsOneRevisionInFull() {
        assertThat(commands.run("show b2c3").output()).isEqualTo("""
                Rev: b2c3d4e5f6a1
                Parent: a1b2c3d4e5f6
                Path: dev.migrate.seed.java.R20250130_0900_b2c3d4e5f6a1_create_strategies

                    create strategies table
                   \s
                    Revision ID: b2c3d4e5f6a1
                    Revises: a1b2c3d4e5f6
                    Create Date:""");
        assertThat(commands.run("show current").output()).isEmpty();
    }

    @Test
    void stampMovesTheVersionTableOnly() {
        CommandResult result = commands.run("stamp c3d4e5f6a1b2");
        assertThat(result.output()).isEqualTo("Stamped the version table: base -> c3d4e5f6a1b2.");
        assertThat(commands.run("current").output()).isEqualTo("c3d4e5f6a1b2");
        assertThat(commands.run("stamp heads --purge").output())
                .isEqualTo("Stamped the version table: c3d4e5f6a1b2 -> d4e5f6a1b2c3.");
        assertThat(commands.run("stamp --sql a1b2c3d4e5f6").output()).contains("INSERT INTO migrate_version "
                + "(version_num) VALUES ('a1b2c3d4e5f6');");
    }

    @Test
    void repairRecordsTheChecksumOfAnEditedRevision() throws Exception {
        commands.run("upgrade heads");
        String now = db.queryForStrings("SELECT checksum FROM migrate_history WHERE revision = 'b2c3d4e5f6a1'").get(0);
        // What an edit since the run looks like to Migrate: the recorded checksum is not the revision's.
        db.execute("UPDATE migrate_history SET checksum = '0badf00d' WHERE revision = 'b2c3d4e5f6a1'");
        CommandResult refused = commands.run("upgrade");
        assertThat(refused.exitCode()).isEqualTo(CommandResult.FAILED);
        assertThat(refused.output()).contains("b2c3d4e5f6a1").contains("'repair' command");

        CommandResult repaired = commands.run("repair");
        assertThat(repaired.exitCode()).isZero();
        assertThat(repaired.output()).startsWith("Recorded the new checksum of 1 edited revision(s):\n  b2c3d4e5f6a1 (")
                .endsWith("): applied as 0badf00d, now " + now);
        assertThat(commands.run("upgrade").output()).isEqualTo("Nothing to do; the database is at d4e5f6a1b2c3.");
        assertThat(commands.run("repair").output())
                .isEqualTo("Every applied revision has the checksum it was applied with; nothing to repair.");
        assertThat(commands.run("repair --sql").exitCode()).isEqualTo(CommandResult.USAGE);
    }

    @Test
    void sqlOptionsPrintScriptsWithoutTouchingTheDatabase() {
        assertThat(commands.run("upgrade --sql").output()).startsWith("-- Migrate offline script for postgresql: base -> "
                + "d4e5f6a1b2c3").contains("CREATE TABLE users (");
        assertThat(commands.run("downgrade --sql heads:c3d4").output()).contains("ALTER TABLE users DROP COLUMN full_name;");
        assertThat(commands.run("current").output()).isEmpty();
    }

    @Test
    void revisionWritesACompilingJavaClassAfterTheHead() throws IOException {
        CommandResult result = commands.run("revision -m \"add audit columns\" --rev-id feed00000001 --branch-label audit");
        assertThat(result.exitCode()).as(result.output()).isZero();
        Path file = sources.resolve("dev/migrate/seed/java/R20261128_0405_feed00000001_add_audit_columns.java");
        assertThat(result.output()).isEqualTo("Generating " + file + " ... done");
        String source = Files.readString(file);
        assertThat(source).contains("id = \"feed00000001\"").contains("parents = \"d4e5f6a1b2c3\"")
                .contains("branchLabels = \"audit\"").contains("message = \"add audit columns\"")
                .contains("created = \"2026-11-28T04:05:00Z\"")
                .contains("public class R20261128_0405_feed00000001_add_audit_columns implements JavaRevision {")
                .contains("public void upgrade(Operations op) {")
                .as("an empty revision is transactional, as asked").doesNotContain("transactional = false");
        assertCompiles(file);
    }

    @Test
    void aRevIdCannotLeadOutOfTheRevisionsFolder() throws IOException {
        CommandResult result = commands.run("revision -m escape --rev-id ../../../tmp/x");
        assertThat(result.exitCode()).isEqualTo(CommandResult.FAILED);
        assertThat(result.output()).isEqualTo("FAILED: Revision id '../../../tmp/x' is not valid: it contains '/', which "
                + "cannot be part of a file name.");
        try (var files = Files.walk(sources.getParent())) {
            assertThat(files.filter(path -> path.getFileName().toString().contains("escape"))).isEmpty();
        }
    }

    @Test
    void mergeJoinsTheRevisionsItNames() throws IOException {
        CommandResult result = branched.run("merge xxxx00000001 mmmm00000001 -m \"join audit\" --rev-id feed00000002");
        assertThat(result.exitCode()).as(result.output()).isZero();
        String source = Files.readString(sources.resolve("dev/migrate/graph/java/R20261128_0405_feed00000002_join_audit.java"));
        assertThat(source).contains("parents = {\"xxxx00000001\", \"mmmm00000001\"}");
        // The audit head is only depended on: as in Alembic, 'heads' means the one real head, and there is nothing to join.
        assertThat(branched.run("merge heads -m again").output())
                .isEqualTo("FAILED: A merge joins at least two revisions; heads names only mmmm00000001.");
    }

    @Test
    void revisionWithSeveralHeadsAsksForAHeadOrAMerge() {
        // One real head (the audit head is only depended on): a new revision follows it.
        assertThat(branched.run("revision -m next --rev-id cccc00000001").output()).startsWith("Generating ");
        Commands forked = new Commands(Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(
                TestRevision.of("a", null, op -> { }, op -> { }), TestRevision.of("b", "a", op -> { }, op -> { }),
                TestRevision.of("c", "a", op -> { }, op -> { })))).build(), writer());
        CommandResult several = forked.run("revision -m next");
        assertThat(several.exitCode()).isEqualTo(CommandResult.FAILED);
        assertThat(several.output()).isEqualTo("FAILED: Multiple heads are present (b, c); name the head the new "
                + "revision follows with --head, or join them first with 'merge heads -m <message>'.");
        assertThat(branched.run("revision -m next --head bbbb00000001").output())
                .isEqualTo("FAILED: Revision bbbb00000001 is not a head revision; use --splice to start a new branch from it.");
        assertThat(branched.run("revision -m next --head bbbb00000001 --splice --rev-id feed00000003").exitCode()).isZero();
    }

    @Test
    void errorsExitWithOneAndUsageErrorsWithTwo() {
        CommandResult failed = commands.run("upgrade nosuchrev");
        assertThat(failed.exitCode()).isEqualTo(CommandResult.FAILED);
        assertThat(failed.output()).isEqualTo("FAILED: Can't locate revision identified by 'nosuchrev': no revision id, unique id prefix or branch label is 'nosuchrev'.");
        CommandResult usage = commands.run("downgrade");
        assertThat(usage.exitCode()).isEqualTo(CommandResult.USAGE);
        assertThat(usage.output()).startsWith("error: 'downgrade' needs a target, such as -1, base or a revision id\nusage:");
        assertThat(commands.run("frobnicate").output()).startsWith("error: unknown command 'frobnicate'");
        assertThat(commands.run("upgrade --bogus").output()).startsWith("error: unknown option --bogus for 'upgrade'");
        assertThat(commands.run("upgrade a:b").output()).startsWith("error: a range 'start:end' is only accepted with --sql");
    }

    private static void assertCompiles(Path file) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createTempDirectory("compiled");
        int status = compiler.run(null, null, null, "-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                file.toString());
        assertThat(status).isZero();
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(p -> p.toString().endsWith(".class")).toList()).hasSize(1);
        }
    }

    @Test
    void tagAndXArgumentsReachTheHistoryAndTheRevisions() throws Exception {
        Commands tenanted = new Commands(Migrate.builder().dataSource(db.dataSource()).versionTable("t_version")
                .historyTable("t_history").scripts(ScriptDirectory.of(List.of(TestRevision.of("t1", null,
                        op -> op.createTable("tenant_" + op.context().argument("tenant", "none"),
                                dev.migrate.op.Ddl.column("id", dev.migrate.op.Ddl.integer())),
                        op -> op.dropTable("tenant_" + op.context().argument("tenant", "none")))))).build(), null);

        CommandResult up = tenanted.run("-x tenant=acme upgrade heads --tag release-7");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(new dev.migrate.testing.Catalog(db).tables()).contains("tenant_acme");
        assertThat(db.queryForStrings("SELECT tag FROM t_history")).containsExactly("release-7");
        assertThat(tenanted.run("downgrade base -x tenant=acme --tag rollback").exitCode()).isZero();
        assertThat(new dev.migrate.testing.Catalog(db).tables()).doesNotContain("tenant_acme");
        assertThat(db.queryForStrings("SELECT tag FROM t_history ORDER BY id")).containsExactly("release-7", "rollback");
        // The checksum is taken without arguments, so a run without them does not take t1 for edited.
        assertThat(tenanted.run("upgrade heads").exitCode()).isZero();
        assertThat(tenanted.run("upgrade -x broken heads").output()).startsWith("error: -x takes key=value, not 'broken'");
        assertThat(tenanted.run("upgrade --sql --tag offline").output()).contains(", 'offline');");
    }

    @Test
    void ensureVersionCreatesOnlyTheStateTables() {
        Commands fresh = new Commands(Migrate.builder().dataSource(db.dataSource()).versionTable("e_version")
                .historyTable("e_history").locations("classpath:dev/migrate/seed/java").build(), null);
        assertThat(fresh.run("ensure_version").output())
                .isEqualTo("Created the version table e_version and the history table e_history.");
        assertThat(fresh.run("ensure_version").output()).isEqualTo("The version table e_version exists already.");
        assertThat(fresh.run("current").output()).isEmpty();
        assertThat(fresh.run("ensure_version --sql").output()).contains("CREATE TABLE IF NOT EXISTS e_version (");
    }

    @Test
    void currentCheckHeadsFailsUnlessAtTheHeads() {
        CommandResult behind = commands.run("current --check-heads");
        assertThat(behind.exitCode()).isEqualTo(CommandResult.FAILED);
        assertThat(behind.output()).startsWith("FAILED: Target database is not up to date: it is at base, and ");
        commands.run("upgrade heads");
        assertThat(commands.run("current -c").exitCode()).isZero();
    }

    @Test
    void editPrintsTheRevisionsFile() {
        assertThat(commands.run("edit b2c3").output()).isEqualTo(sources.resolve(
                "dev/migrate/seed/java/R20250130_0900_b2c3d4e5f6a1_create_strategies.java").toString());
        commands.run("upgrade heads");
        assertThat(commands.run("edit current").output()).endsWith("R20250201_0800_d4e5f6a1b2c3_add_full_name.java");
    }

    @Test
    void anOfflineDowngradeToBaseSaysBaseInItsComments() {
        assertThat(commands.run("downgrade --sql a1b2:base").output())
                .contains("-- Running downgrade a1b2c3d4e5f6 -> <base>, create users table");
    }

    @Test
    void newRevisionsGoWhereTheirBranchLivesOrWhereVersionPathSays() throws Exception {
        Path main = Files.createDirectories(sources.resolve("main"));
        Path billing = Files.createDirectories(sources.resolve("billing"));
        RevisionWriter sql = new RevisionWriter(new RevisionWriter.Settings(RevisionWriter.Format.SQL, main, "db.revisions",
                RevisionWriter.DEFAULT_TEMPLATE, dev.migrate.script.Location.parse("filesystem:" + main)),
                Clock.fixed(Instant.parse("2026-11-28T04:05:00Z"), ZoneOffset.UTC));
        java.util.function.Supplier<Commands> reloaded = () -> new Commands(Migrate.builder().dataSource(db.dataSource())
                .versionTable("v_version").historyTable("v_history").locations("filesystem:" + main,
                        "filesystem:" + billing).build(), sql, null, java.util.Map.of("network",
                                dev.migrate.script.Location.parse("filesystem:" + billing)));

        assertThat(reloaded.get().run("revision -m first --rev-id aaaa00000001").output())
                .isEqualTo("Generating " + main.resolve("20261128_0405_aaaa00000001_first.sql") + " ... done");
        assertThat(reloaded.get().run("revision -m invoices --head base --branch-label billing --rev-id bbbb00000001 "
                + "--version-path filesystem:" + billing).output()).contains(billing.resolve("20261128_0405_bbbb00000001").toString());
        // A revision follows its parent into the parent's folder.
        assertThat(reloaded.get().run("revision -m payments --head billing@head --rev-id bbbb00000002").output())
                .contains(billing.resolve("20261128_0405_bbbb00000002_payments.sql").toString());
        // A new branch goes to its label's location.
        assertThat(reloaded.get().run("revision -m hosts --head base --branch-label network --rev-id nnnn00000001")
                .output()).contains(billing.resolve("20261128_0405_nnnn00000001_hosts.sql").toString());
        CommandResult elsewhere = reloaded.get().run("revision -m x --head base --version-path filesystem:/elsewhere");
        assertThat(elsewhere.exitCode()).isEqualTo(CommandResult.USAGE);
        assertThat(elsewhere.output()).startsWith("error: --version-path must be one of the revisions locations (");
    }
}
