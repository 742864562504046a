package dev.migrate.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.reliability.Processes.Child;
import dev.migrate.revision.Revision;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A migrating JVM killed with SIGKILL: the version table stays true, no lock is left, and a new run finishes. */
class CrashTest {

    static final int KILLS = 12;

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @Test
    void killedAtRandomMomentsTheVersionTableAlwaysMatchesTheSchema() throws Exception {
        db.reset();
        Random random = new Random(20261128);
        for (int kill = 0; kill < KILLS; kill++) {
            Path go = Processes.goFile();
            Child child = Processes.start(db, "slow60", go);
            Processes.awaitReady(List.of(child), 60);
            Files.createFile(go);
            Thread.sleep(100 + random.nextInt(700));
            child.process().destroyForcibly();
            assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

            awaitNoAdvisoryLock();
            assertVersionTableMatchesSchema();
        }
        Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(Scenarios.named("slow60")).build();
        migrate.upgrade("heads");
        assertThat(migrate.current()).containsExactly(Scenarios.id(60));
        assertVersionTableMatchesSchema();
        assertThat(db.queryForStrings("SELECT count(*) FROM migrate_history WHERE success")).containsExactly("60");
    }

    @Test
    void aNonTransactionalRevisionKilledMidwayIsReportedNotGuessed() throws Exception {
        db.reset();
        Path go = Processes.goFile();
        Child child = Processes.start(db, "nontx", go);
        Processes.awaitReady(List.of(child), 60);
        Files.createFile(go);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.queryForStrings("SELECT to_regclass('half')::text").get(0) == null) {
            assertThat(System.nanoTime()).as("the revision started").isLessThan(deadline);
            Thread.sleep(20);
        }
        child.process().destroyForcibly();
        child.process().waitFor(30, TimeUnit.SECONDS);
        awaitNoAdvisoryLock();

        Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(Scenarios.named("nontx")).build();
        assertThatThrownBy(() -> migrate.upgrade("heads"))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("Revision n002 (revision n002) started its upgrade at ")
                .hasMessageContaining("never finished: the process stopped while running it. It is not transactional, "
                        + "so the database may hold part of its changes; the version table says n001.");
        assertThat(migrate.current()).containsExactly("n001");
        assertThat(new Catalog(db).tables()).contains("first", "half").doesNotContain("never");

        // What the message tells the user to do: undo by hand, stamp, run again.
        db.execute("DROP TABLE half");
        migrate.stamp("n001", false);
        assertThat(migrate.upgrade("n001").plan().isEmpty()).isTrue();
        assertThat(db.queryForStrings("SELECT error FROM migrate_history WHERE revision = 'n002'"))
                .containsExactly("settled by stamp to [n001]");
    }

    @Test
    void aBatchedUpdateKilledAfterItsLastBatchResumesWithoutUpdatingARowTwice() throws Exception {
        db.reset();
        Path go = Processes.goFile();
        // The child dies right after committing the last, partial batch (2,500 rows done), before the revision's
        // own commit: the moment where the last batch used to be committed without its progress.
        Child child = Processes.start(db, "batched", go, "2500");
        Processes.awaitReady(List.of(child), 60);
        Files.createFile(go);
        assertThat(child.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.process().exitValue()).as("the child halted where it was told to: %s", child.lines())
                .isEqualTo(MigrateProcess.HALTED);
        awaitNoAdvisoryLock();
        assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("u001");
        assertThat(db.queryForStrings("SELECT count(*) FROM people WHERE touched = 1")).containsExactly("2500");

        Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(Scenarios.named("batched")).build();
        assertThat(migrate.upgrade("heads").rowsAfter()).containsExactly("u002");
        assertThat(db.queryForStrings("SELECT touched, count(*) FROM people GROUP BY touched")).containsExactly("1");
        assertThat(db.queryForStrings("SELECT count(*) FROM people WHERE touched = 1")).containsExactly("2500");
    }

    /** The backend of a killed process ends when PostgreSQL notices the closed socket, with its session lock. */
    private static void awaitNoAdvisoryLock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!db.queryForStrings("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").get(0).equals("0")) {
            assertThat(System.nanoTime()).as("the killed process's lock was released").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The revisions the version table implies are exactly those whose tables exist. */
    private static void assertVersionTableMatchesSchema() throws Exception {
        Set<String> tables = new TreeSet<>(new Catalog(db).tables());
        if (!tables.contains("migrate_version")) {
            // Killed before the state tables were created: nothing else may exist either.
            assertThat(tables).isEmpty();
            return;
        }
        List<String> rows = db.queryForStrings("SELECT version_num FROM migrate_version");
        Migrate migrate = Migrate.builder().scripts(Scenarios.named("slow60")).build();
        Set<String> expected = new TreeSet<>(Set.of("migrate_version", "migrate_history"));
        for (Revision revision : migrate.planner().applied(rows)) {
            expected.add("t" + revision.id().substring(1));
        }
        assertThat(tables).isEqualTo(expected);
    }
}
