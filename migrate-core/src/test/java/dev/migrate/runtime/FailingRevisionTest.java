package dev.migrate.runtime;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.runtime.StateTables.HistoryRecord;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A revision that fails in the middle of a run. */
class FailingRevisionTest {

    /** r1 creates t1; r2 creates t2, fills it, then divides by zero; r3 would create t3. */
    static ScriptDirectory scripts() {
        return ScriptDirectory.of(List.of(
                TestRevision.of("r1", null, op -> op.createTable("t1", column("id", integer())), op -> op.dropTable("t1")),
                TestRevision.of("r2", "r1", op -> {
                    op.createTable("t2", column("id", integer()));
                    op.execute("INSERT INTO t2 (id) VALUES (?)", 1);
                    op.execute("SELECT 1 / (SELECT COUNT(*) - 1 FROM t2)");
                }, op -> op.dropTable("t2")),
                TestRevision.of("r3", "r2", op -> op.createTable("t3", column("id", integer())), op -> op.dropTable("t3"))));
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
        void theFailingRevisionLeavesNoTraceAndTheEarlierOnesStay() throws SQLException {
            Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(scripts()).build();

            MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                    () -> migrate.upgrade("heads"));

            assertThat(failure.getMessage()).startsWith("Revision r2 (revision r2, TestRevision r2) failed during "
                    + "upgrade at operation 3 of 3:\n    SELECT 1 / (SELECT COUNT(*) - 1 FROM t2)\n"
                    + "Database error: [SQLState 22012] ERROR: division by zero");
            assertThat(failure.getMessage()).endsWith("The revision was rolled back; the database is at r1.");
            assertThat(failure.revision()).isEqualTo("r2");
            assertThat(failure.sqlState()).isEqualTo("22012");
            assertThat(failure.statement()).isEqualTo("SELECT 1 / (SELECT COUNT(*) - 1 FROM t2)");
            assertThat(new Catalog(db).tables()).contains("t1").doesNotContain("t2", "t3");
            assertThat(migrate.current()).containsExactly("r1");
            List<HistoryRecord> log = migrate.log();
            assertThat(log).extracting(HistoryRecord::revision).containsExactly("r1", "r2");
            assertThat(log.get(1).success()).isFalse();
            assertThat(log.get(1).error()).contains("division by zero");
        }

        @Test
        void afterAFixTheRunContinuesFromTheLastGoodRevision() throws SQLException {
            Migrate broken = Migrate.builder().dataSource(db.dataSource()).scripts(scripts()).build();
            catchThrowableOfType(MigrationFailedException.class, () -> broken.upgrade("heads"));
            db.execute("CREATE TABLE t2_helper (id int)");

            ScriptDirectory fixed = ScriptDirectory.of(List.of(scripts().script("r1"),
                    TestRevision.of("r2", "r1", op -> op.createTable("t2", column("id", integer())), op -> op.dropTable("t2")),
                    scripts().script("r3")));
            RunResult result = Migrate.builder().dataSource(db.dataSource()).scripts(fixed).build().upgrade("heads");
            assertThat(result.plan().revisionIds()).containsExactly("r2", "r3");
            assertThat(new Catalog(db).tables()).contains("t1", "t2", "t3");
        }
    }

    /** r1 creates t1; r2 creates t2, then its session is ended by the server, as when the network drops it. */
    static ScriptDirectory connectionLost() {
        return ScriptDirectory.of(List.of(scripts().script("r1"),
                TestRevision.of("r2", "r1", op -> {
                    op.createTable("t2", column("id", integer()));
                    op.jdbc("end this session", connection -> {
                        try (var statement = connection.createStatement()) {
                            statement.execute("SELECT pg_terminate_backend(pg_backend_pid())");
                        }
                    });
                }, op -> op.dropTable("t2"))));
    }

    @Nested
    class WhenTheConnectionIsLost {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.postgres();

        @BeforeEach
        void empty() throws SQLException {
            db.reset();
        }

        @Test
        void theStateIsReadOnANewConnectionNotGuessed() throws SQLException {
            Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(connectionLost()).build();

            MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                    () -> migrate.upgrade("heads"));

            assertThat(failure.getMessage()).startsWith("Revision r2 (revision r2, TestRevision r2) failed during "
                    + "upgrade at operation 2 of 2:\n    Java code: end this session\nDatabase error: [SQLState 57P01]")
                    .endsWith("The connection to the database was lost during the revision; read on a new connection, "
                            + "the version table says r1.");
            assertThat(failure.rowsAfter()).containsExactly("r1");
            assertThat(migrate.current()).containsExactly("r1");
            assertThat(new Catalog(db).tables()).contains("t1").doesNotContain("t2");
        }

        @Test
        void whenNoNewConnectionCanBeMadeTheStateIsUnknownNotBase() throws SQLException {
            java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
            javax.sql.DataSource once = dev.migrate.testing.SimpleDataSource.of(() -> {
                if (opened.incrementAndGet() > 1) {
                    throw new SQLException("the database is unreachable", "08001");
                }
                return db.connect();
            });
            Migrate.builder().dataSource(db.dataSource()).scripts(connectionLost()).build().upgrade("r1");
            Migrate migrate = Migrate.builder().dataSource(once).scripts(connectionLost()).build();

            MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                    () -> migrate.upgrade("heads"));

            assertThat(failure.getMessage()).endsWith("The connection to the database was lost during the revision; "
                    + "no new connection could be made, so where the database is is unknown: reconnect and run "
                    + "'current'.");
            assertThat(failure.rowsAfter()).isNull();
            assertThat(failure.describeRowsAfter())
                    .isEqualTo("unknown (the connection was lost; reconnect and run 'current')");
        }
    }

    @Nested
    class WhenAConcurrentIndexBuildFails {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.postgres();

        /** c1 creates users with two equal emails; c2 builds a unique index on them concurrently, which must fail. */
        static ScriptDirectory scripts() {
            return ScriptDirectory.of(List.of(
                    TestRevision.of("c1", null, op -> {
                        op.createTable("users", column("id", integer()), column("email", dev.migrate.op.Ddl.string(100)));
                        op.execute("INSERT INTO users VALUES (1, 'ada@example.com'), (2, 'ada@example.com')");
                    }, op -> op.dropTable("users")),
                    TestRevision.of("c2", "c1", op -> op.createIndex("users_email_key", "users",
                            index -> index.columns("email").unique().concurrently()), op -> op.dropIndex("users_email_key"))
                            .nonTransactional()));
        }

        @Test
        void theReportNamesTheInvalidIndexItLeftAndHowToContinue() throws SQLException {
            db.reset();
            Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(scripts()).build();
            String advice = "The index public.users_email_key is INVALID: a CREATE INDEX CONCURRENTLY that fails leaves "
                    + "its index behind, unused but still updated on every write. Drop it with 'DROP INDEX CONCURRENTLY "
                    + "public.users_email_key', remove the cause of the failure, then run again.";

            MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                    () -> migrate.upgrade("heads"));
            assertThat(failure.getMessage()).contains("[SQLState 23505]").endsWith(advice);
            assertThat(db.queryForStrings("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid"))
                    .containsExactly("users_email_key");

            // Run again without following the advice: the same index is in the way, and the report says so again.
            MigrationFailedException again = catchThrowableOfType(MigrationFailedException.class,
                    () -> migrate.upgrade("heads"));
            assertThat(again.getMessage()).contains("[SQLState 42P07]").endsWith(advice);

            db.execute("DROP INDEX CONCURRENTLY public.users_email_key", "DELETE FROM users WHERE id = 2");
            assertThat(migrate.upgrade("heads").rowsAfter()).containsExactly("c2");
        }
    }

    @Nested
    class OnH2 {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.h2();

        @Test
        void theMessageSaysThatH2KeptTheStatementsBeforeTheFailure() throws SQLException {
            Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(scripts()).build();

            MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                    () -> migrate.upgrade("heads"));

            assertThat(failure.getMessage()).contains("failed during upgrade at operation 3 of 3")
                    .contains("[SQLState 22012]")
                    .endsWith("The revision is not transactional on h2, whose DDL commits on its own: its statements "
                            + "before the failing one stay applied. The version table still says r1; fix the database "
                            + "by hand, then run again.");
            assertThat(migrate.current()).containsExactly("r1");
            assertThat(new Catalog(db).tables()).contains("t1", "t2").doesNotContain("t3");
        }
    }
}
