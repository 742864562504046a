package dev.migrate.runtime;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.runtime.StateTables.HistoryRecord;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.Psql;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code transactionPerRevision(false)}: the revisions of a run share one transaction, as Alembic's default. */
class SharedTransactionTest {

    private static TestRevision creating(String id, String parent, String table) {
        return TestRevision.of(id, parent, op -> op.createTable(table, column("id", integer())), op -> op.dropTable(table));
    }

    private static TestRevision failing(String id, String parent) {
        return TestRevision.of(id, parent, op -> op.execute("SELECT 1 / 0"), op -> { });
    }

    /** Records which steps listeners were told about, in order. */
    static final class Events implements MigrationListener {

        final List<String> seen = new ArrayList<>();

        @Override
        public void stepStarted(StepEvent event) {
            seen.add("started " + event.revisionId());
        }

        @Override
        public void stepFinished(StepEvent event, Duration duration) {
            seen.add("finished " + event.revisionId());
        }

        @Override
        public void stepFailed(StepEvent event, Duration duration, Throwable failure) {
            seen.add("failed " + event.revisionId());
        }
    }

    private static Migrate shared(TestDatabase db, ScriptDirectory scripts, MigrationListener listener) {
        return Migrate.builder().dataSource(db.dataSource()).scripts(scripts).transactionPerRevision(false)
                .listener(listener).build();
    }

    @Nested
    class OnPostgres {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.postgres();

        @BeforeEach
        void empty() throws SQLException {
            db.reset();
        }

        @Test
        void aRunAppliesEveryRevisionAndTellsListenersOnceCommitted() throws SQLException {
            Events events = new Events();
            Migrate migrate = shared(db, ScriptDirectory.of(List.of(creating("r1", null, "t1"),
                    creating("r2", "r1", "t2"), creating("r3", "r2", "t3"))), events);

            migrate.upgrade("heads");

            assertThat(new Catalog(db).tables()).contains("t1", "t2", "t3");
            assertThat(migrate.current()).containsExactly("r3");
            assertThat(migrate.log()).extracting(HistoryRecord::revision).containsExactly("r1", "r2", "r3");
            assertThat(migrate.log()).allMatch(record -> Boolean.TRUE.equals(record.success()));
            assertThat(events.seen).containsExactly("started r1", "started r2", "started r3", "finished r1",
                    "finished r2", "finished r3");
        }

        @Test
        void theVersionTableFollowsBranchesAndMergesUpAndDown() throws SQLException {
            ScriptDirectory scripts = ScriptDirectory.of(List.of(creating("r1", null, "t1"), creating("a1", "r1", "ta"),
                    creating("b1", "r1", "tb"), creating("m1", null, "tm").withParents("a1", "b1")));
            Migrate migrate = shared(db, scripts, new Events());

            migrate.upgrade("a1");
            assertThat(migrate.current()).containsExactly("a1");
            migrate.upgrade("heads");
            assertThat(migrate.current()).containsExactly("m1");
            migrate.downgrade("r1");
            assertThat(migrate.current()).containsExactly("r1");
            assertThat(new Catalog(db).tables()).contains("t1").doesNotContain("ta", "tb", "tm");

            List<HistoryRecord> log = migrate.log();
            assertThat(log).extracting(record -> record.direction() + " " + record.revision()).containsExactly(
                    "upgrade r1", "upgrade a1", "upgrade b1", "upgrade m1", "downgrade m1", "downgrade b1",
                    "downgrade a1");
            assertThat(log).allMatch(record -> record.durationMillis() != null && record.checksum() != null);
        }

        @Test
        void aFailureUndoesTheWholeRunAndSaysSo() throws SQLException {
            Events events = new Events();
            Migrate migrate = shared(db, ScriptDirectory.of(List.of(creating("r1", null, "t1"),
                    creating("r2", "r1", "t2"), failing("r3", "r2"))), events);

            MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                    () -> migrate.upgrade("heads"));

            assertThat(failure.getMessage()).endsWith("The revision was rolled back, together with the 2 revision(s) "
                    + "this run applied before it in the same transaction (r1, r2); the database is at base.");
            assertThat(failure.revision()).isEqualTo("r3");
            assertThat(new Catalog(db).tables()).doesNotContain("t1", "t2");
            assertThat(migrate.current()).isEmpty();
            List<HistoryRecord> log = migrate.log();
            assertThat(log).extracting(HistoryRecord::revision).containsExactly("r3");
            assertThat(log.get(0).success()).isFalse();
            assertThat(events.seen).containsExactly("started r1", "started r2", "started r3", "failed r3");
        }

        @Test
        void aFailureAtTheCommitUndoesTheRunAndSaysSo() throws SQLException {
            // A deferred foreign key is only checked when the transaction commits.
            Migrate migrate = shared(db, ScriptDirectory.of(List.of(
                    TestRevision.of("r1", null, op -> op.execute("CREATE TABLE parent (id int PRIMARY KEY); "
                            + "CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED)"),
                            op -> { }),
                    TestRevision.of("r2", "r1", op -> op.execute("INSERT INTO child VALUES (42)"), op -> { }))),
                    new Events());

            MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrate.upgrade("heads"));

            assertThat(failure.getMessage()).startsWith("Writing the state tables or committing the run's transaction "
                    + "failed: [SQLState 23503]").endsWith("Its 2 revision(s) (r1, r2) were rolled back; the database "
                    + "is at base.");
            assertThat(new Catalog(db).tables()).doesNotContain("parent", "child");
            assertThat(migrate.current()).isEmpty();
        }

        @Test
        void aNonTransactionalRevisionCommitsWhatCameBeforeIt() throws SQLException {
            Migrate migrate = shared(db, ScriptDirectory.of(List.of(creating("r1", null, "t1"),
                    creating("r2", "r1", "t2").nonTransactional(), creating("r3", "r2", "t3"), failing("r4", "r3"))),
                    new Events());

            MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                    () -> migrate.upgrade("heads"));

            assertThat(failure.getMessage()).endsWith("The revision was rolled back, together with the 1 revision(s) "
                    + "this run applied before it in the same transaction (r3); the database is at r2.");
            assertThat(new Catalog(db).tables()).contains("t1", "t2").doesNotContain("t3");
            assertThat(migrate.current()).containsExactly("r2");
        }

        @Test
        void theOfflineScriptOpensOneTransactionThatANonTransactionalRevisionSplits() throws Exception {
            Migrate offline = Migrate.builder().scripts(ScriptDirectory.of(List.of(creating("r1", null, "t1"),
                    creating("r2", "r1", "t2"), creating("r3", "r2", "t3").nonTransactional(),
                    creating("r4", "r3", "t4")))).transactionPerRevision(false).build();
            String script = offline.upgradeSql("heads");

            List<String> transactionStatements = script.lines()
                    .filter(line -> line.equals("BEGIN;") || line.equals("COMMIT;") || line.startsWith("CREATE TABLE t"))
                    .map(line -> line.startsWith("CREATE TABLE") ? line.substring(0, "CREATE TABLE t1".length()) : line)
                    .toList();

            assertThat(transactionStatements).containsExactly("BEGIN;", "CREATE TABLE t1", "CREATE TABLE t2", "COMMIT;",
                    "CREATE TABLE t3", "BEGIN;", "CREATE TABLE t4", "COMMIT;");
            Psql.run(db, script);
            assertThat(new Catalog(db).tables()).contains("t1", "t2", "t3", "t4");
            assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("r4");
            assertThat(db.queryForStrings("SELECT revision FROM migrate_history ORDER BY id"))
                    .containsExactly("r1", "r2", "r3", "r4");
        }
    }

    @Nested
    class OnH2 {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.h2();

        @Test
        void withoutTransactionalDdlEachRevisionStillCommitsOnItsOwn() throws SQLException {
            Migrate migrate = shared(db, ScriptDirectory.of(List.of(creating("r1", null, "t1"),
                    creating("r2", "r1", "t2"), failing("r3", "r2"))), new Events());

            catchThrowableOfType(MigrationFailedException.class, () -> migrate.upgrade("heads"));

            assertThat(new Catalog(db).tables()).contains("t1", "t2");
            assertThat(migrate.current()).containsExactly("r2");
        }
    }
}
