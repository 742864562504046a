package dev.migrate.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The advisory lock serialises runs against one PostgreSQL database. */
class LockingTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @BeforeEach
    void empty() throws Exception {
        db.reset();
    }

    static ScriptDirectory chain(int count, CountDownLatch entered, CountDownLatch release) {
        List<TestRevision> revisions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String table = "t" + i;
            boolean first = i == 1;
            revisions.add(TestRevision.of("r" + i, first ? null : "r" + (i - 1), op -> {
                op.createTable(table, column("id", integer()));
                if (first && entered != null) {
                    op.jdbc("wait for the test", connection -> {
                        entered.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        }
                        catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            }, op -> op.dropTable(table)));
        }
        return ScriptDirectory.of(revisions);
    }

    /** Starts a run of {@code scripts} that holds the lock inside its first revision until released. */
    static Future<RunResult> holdTheLock(ExecutorService executor, ScriptDirectory scripts, CountDownLatch entered)
            throws InterruptedException {
        Future<RunResult> holder = executor.submit(() -> Migrate.builder().dataSource(db.dataSource())
                .scripts(scripts).build().upgrade("heads"));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    @Test
    void aSecondRunWaitsAndGivesUpWithAClearMessage() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptDirectory scripts = chain(2, entered, release);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> holder = holdTheLock(executor, scripts, entered);

            Migrate waiting = Migrate.builder().dataSource(db.dataSource()).scripts(scripts)
                    .lockWait(Duration.ofMillis(500)).build();
            assertThatThrownBy(() -> waiting.upgrade("heads"))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessage("Could not take Migrate's lock within 500 ms: another process is migrating this "
                            + "database (postgresql, the state tables migrate_version and migrate_history). Wait for it "
                            + "to finish, or raise the lock wait (migrate.lock-wait).");

            release.countDown();
            assertThat(holder.get(30, TimeUnit.SECONDS).plan().revisionIds()).containsExactly("r1", "r2");
            assertThat(waiting.upgrade("heads").plan().isEmpty()).isTrue();
        }
        finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void runsAgainstAnotherVersionTableDoNotWait() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptDirectory scripts = chain(1, entered, release);
        ScriptDirectory other = ScriptDirectory.of(List.of(TestRevision.of("o1", null,
                op -> op.createTable("other_t", column("id", integer())), op -> op.dropTable("other_t"))));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> holder = holdTheLock(executor, scripts, entered);

            RunResult beside = Migrate.builder().dataSource(db.dataSource()).scripts(other)
                    .versionTable("other_version").historyTable("other_history").lockWait(Duration.ofMillis(500))
                    .build().upgrade("heads");
            assertThat(beside.rowsAfter()).containsExactly("o1");

            release.countDown();
            assertThat(holder.get(30, TimeUnit.SECONDS).rowsAfter()).containsExactly("r1");
        }
        finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void aRunNamingTheSchemaWaitsForARunThatLeftItToTheConnection() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptDirectory scripts = chain(2, entered, release);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            // The holder leaves the schema unset: its tables go to the connection's current schema, public.
            Future<RunResult> holder = holdTheLock(executor, scripts, entered);

            Migrate named = Migrate.builder().dataSource(db.dataSource()).scripts(scripts).schema("public")
                    .lockWait(Duration.ofMillis(500)).build();
            assertThatThrownBy(() -> named.upgrade("heads")).isInstanceOf(LockTimeoutException.class);

            release.countDown();
            assertThat(holder.get(30, TimeUnit.SECONDS).plan().revisionIds()).containsExactly("r1", "r2");
            assertThat(named.upgrade("heads").plan().isEmpty()).isTrue();
            assertThat(db.queryForStrings("SELECT count(*) FROM public.migrate_history")).containsExactly("2");
        }
        finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void theLockFollowsTheSearchPathToWhereTheVersionTableIs() throws Exception {
        db.execute("CREATE SCHEMA app", "ALTER DATABASE " + db.name() + " SET search_path TO app, public");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptDirectory scripts = chain(2, entered, release);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> holder = holdTheLock(executor, scripts, entered);

            Migrate named = Migrate.builder().dataSource(db.dataSource()).scripts(scripts).schema("app")
                    .lockWait(Duration.ofMillis(500)).build();
            assertThatThrownBy(() -> named.upgrade("heads")).isInstanceOf(LockTimeoutException.class);
            Migrate elsewhere = Migrate.builder().dataSource(db.dataSource()).scripts(scripts).schema("public")
                    .lockWait(Duration.ofMillis(500)).build();
            assertThat(elsewhere.current()).isEmpty();

            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            assertThat(db.queryForStrings("SELECT count(*) FROM app.migrate_history")).containsExactly("2");
        }
        finally {
            release.countDown();
            executor.shutdownNow();
            db.execute("ALTER DATABASE " + db.name() + " RESET search_path", "DROP SCHEMA app CASCADE");
        }
    }

    @Test
    void runsStartedTogetherApplyEachRevisionOnce() throws Exception {
        ScriptDirectory scripts = chain(20, null, null);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<RunResult>> runs = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                runs.add(executor.submit(() -> {
                    start.await();
                    return Migrate.builder().dataSource(db.dataSource()).scripts(scripts).build().upgrade("heads");
                }));
            }
            start.countDown();
            int applied = 0;
            for (Future<RunResult> run : runs) {
                RunResult result = run.get(60, TimeUnit.SECONDS);
                assertThat(result.rowsAfter()).containsExactly("r20");
                applied += result.plan().steps().size();
            }
            assertThat(applied).isEqualTo(20);
            assertThat(db.queryForStrings("SELECT count(*) FROM migrate_history")).containsExactly("20");
            assertThat(db.queryForStrings("SELECT count(DISTINCT revision) FROM migrate_history")).containsExactly("20");
        }
        finally {
            executor.shutdownNow();
        }
    }
}
