package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.SimpleDataSource;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * DDL that cannot get its lock gives up instead of queueing every reader of the table behind it, and tries again:
 * while another session holds a lock on the table, readers are served; once it lets go, the revision runs.
 */
class LockTimeoutsOnPostgresTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    static final ScriptDirectory ADD_COLUMN = ScriptDirectory.of(List.of(TestRevision.of("10c4ed000001", null,
            op -> op.execute("ALTER TABLE accounts ADD COLUMN note text"), op -> { })));

    @BeforeEach
    void accounts() throws SQLException {
        db.reset();
        db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY)", "INSERT INTO accounts SELECT generate_series(1, 10)");
    }

    Migrate migrate(LockTimeouts timeouts) {
        return Migrate.builder().dataSource(db.dataSource()).scripts(ADD_COLUMN).lockTimeouts(timeouts).build();
    }

    @Test
    void readersAreServedWhileTheRevisionWaitsAndItRunsOnceTheLockIsFree() throws Exception {
        Migrate migrate = migrate(new LockTimeouts(Duration.ofMillis(200), null, 1000, Duration.ofMillis(50)));
        try (Connection holder = db.connect(); Connection reader = db.connect()) {
            holder.setAutoCommit(false);
            try (Statement hold = holder.createStatement()) {
                hold.execute("SELECT count(*) FROM accounts");
            }
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> migrate.upgrade("heads"));
            awaitAlterWaitingForItsLock();
            // Without a lock timeout the waiting ALTER would hold this reader until the holder lets go; the guard
            // only keeps a failing test from hanging.
            long started = System.nanoTime();
            try (Statement read = reader.createStatement()) {
                read.execute("SET statement_timeout = '60s'");
                for (int i = 0; i < 5; i++) {
                    read.execute("SELECT count(*) FROM accounts");
                }
            }
            Duration readTime = Duration.ofNanos(System.nanoTime() - started);
            assertThat(readTime).as("five reads while the revision waits").isLessThan(Duration.ofSeconds(30));
            assertThat(run).isNotDone();
            holder.commit();
            run.get(120, TimeUnit.SECONDS);
        }
        assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("10c4ed000001");
        assertThat(db.queryForStrings("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' "
                + "AND column_name = 'note'")).containsExactly("1");
    }

    @Test
    void aRevisionThatNeverGetsItsLockFailsAndLeavesTheDatabaseAsItWas() throws Exception {
        Migrate migrate = migrate(new LockTimeouts(Duration.ofMillis(100), null, 2, Duration.ofMillis(10)));
        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            try (Statement hold = holder.createStatement()) {
                hold.execute("SELECT count(*) FROM accounts");
            }
            MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                    () -> migrate.upgrade("heads"));
            assertThat(failure.getMessage()).contains("10c4ed000001").contains("[SQLState 55P03]")
                    .contains("lock timeout");
            holder.rollback();
        }
        assertThat(db.queryForStrings("SELECT count(*) FROM migrate_version")).containsExactly("0");
        assertThat(db.queryForStrings("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' "
                + "AND column_name = 'note'")).containsExactly("0");
    }

    /**
     * A pool in miniature that sets the pool's own session settings on each new connection, as Hikari's
     * {@code connectionInitSql} does; connections "closed" by Migrate stay open, so their settings can be read.
     */
    static javax.sql.DataSource pool(List<Connection> handedOut) {
        return SimpleDataSource.of(() -> {
            Connection real = db.connect();
            try (Statement init = real.createStatement()) {
                init.execute("SET statement_timeout = '45s'");
            }
            handedOut.add(real);
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(LockTimeoutsOnPostgresTest.class
                    .getClassLoader(), new Class<?>[] { Connection.class }, (proxy, method, args) -> method.getName()
                            .equals("close") ? null : method.invoke(real, args));
        });
    }

    static void assertSessionsAsThePoolMadeThem(List<Connection> handedOut) throws SQLException {
        assertThat(handedOut).isNotEmpty();
        for (Connection connection : handedOut) {
            try (connection; Statement show = connection.createStatement()) {
                assertThat(connection.getAutoCommit()).isTrue();
                for (String setting : List.of("lock_timeout", "statement_timeout")) {
                    try (java.sql.ResultSet rows = show.executeQuery("SHOW " + setting)) {
                        rows.next();
                        assertThat(rows.getString(1)).as(setting).isEqualTo(setting.equals("lock_timeout") ? "0"
                                : "45s");
                    }
                }
            }
        }
    }

    @Test
    void everyConnectionGoesBackWithThePoolsOwnSettingsAfterANonTransactionalRevision() throws Exception {
        ScriptDirectory nonTransactional = ScriptDirectory.of(List.of(TestRevision.of("10c4ed000002", null,
                op -> op.execute("ALTER TABLE accounts ADD COLUMN note text"), op -> { }).nonTransactional()));
        List<Connection> handedOut = new java.util.ArrayList<>();
        Migrate.builder().dataSource(pool(handedOut)).scripts(nonTransactional)
                .lockTimeouts(new LockTimeouts(Duration.ofSeconds(3), Duration.ofMinutes(5), 0, Duration.ZERO)).build()
                .upgrade("heads");
        assertSessionsAsThePoolMadeThem(handedOut);
        assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("10c4ed000002");
    }

    @Test
    void aBatchThatGaveUpOnALockIsNotRetriedAloneAndLeavesTheSessionClean() throws Exception {
        db.execute("ALTER TABLE accounts ADD COLUMN n int NOT NULL DEFAULT 1");
        ScriptDirectory batched = ScriptDirectory.of(List.of(TestRevision.of("10c4ed000003", null,
                op -> op.batchUpdate("accounts", "id", "n = 0", "n = 1", 100), op -> { }).nonTransactional()));
        List<Connection> handedOut = new java.util.ArrayList<>();
        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            try (Statement hold = holder.createStatement()) {
                hold.execute("SELECT * FROM accounts WHERE id = 5 FOR UPDATE");
            }
            MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                    () -> Migrate.builder().dataSource(pool(handedOut)).scripts(batched)
                            .lockTimeouts(new LockTimeouts(Duration.ofMillis(100), null, 5, Duration.ofMillis(10)))
                            .build().upgrade("heads"));
            assertThat(failure.getMessage()).contains("[SQLState 55P03]").doesNotContain("25P02");
            holder.rollback();
        }
        assertSessionsAsThePoolMadeThem(handedOut);
    }

    @Test
    void aConcurrentIndexBuildWaitsForOldTransactionsWhateverTheDatabasesDefaultLockTimeout() throws Exception {
        ScriptDirectory concurrent = ScriptDirectory.of(List.of(TestRevision.of("10c4ed000004", null,
                op -> op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_id_idx ON accounts (id)"),
                op -> { }).nonTransactional()));
        db.execute("ALTER DATABASE " + db.name() + " SET lock_timeout = '50ms'");
        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            try (Statement hold = holder.createStatement()) {
                hold.execute("SELECT count(*) FROM accounts");
            }
            Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(concurrent).build();
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> migrate.upgrade("heads"));
            awaitWaiting("CREATE INDEX CONCURRENTLY%", run);
            holder.commit();
            run.get(120, TimeUnit.SECONDS);
        }
        finally {
            db.execute("ALTER DATABASE " + db.name() + " RESET lock_timeout");
        }
        assertThat(db.queryForStrings("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_id_idx'::regclass"))
                .containsExactly("t");
    }

    /** Waits until a statement like this is waiting for a lock, or the run has ended (then its result tells). */
    static void awaitWaiting(String statement, CompletableFuture<?> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !run.isDone()) {
            if (!db.queryForStrings("SELECT pid FROM pg_stat_activity WHERE query LIKE '" + statement + "' "
                    + "AND wait_event_type = 'Lock'").isEmpty()) {
                return;
            }
            Thread.sleep(5);
        }
        if (run.isDone()) {
            run.get();
        }
    }

    /** Waits until the revision's ALTER is queued for its lock (it gives up and retries, so it may take a few looks). */
    static void awaitAlterWaitingForItsLock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!db.queryForStrings("SELECT pid FROM pg_stat_activity WHERE query LIKE 'ALTER TABLE accounts%' "
                    + "AND wait_event_type = 'Lock'").isEmpty()) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the revision's ALTER TABLE never waited for its lock");
    }
}
