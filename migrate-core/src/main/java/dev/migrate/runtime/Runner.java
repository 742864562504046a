package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.JavaRenderer;
import dev.migrate.dialect.Dialect;
import dev.migrate.op.Operation;
import dev.migrate.op.RevisionContext;
import dev.migrate.revision.Direction;
import dev.migrate.revision.Plan;
import dev.migrate.revision.Step;
import dev.migrate.runtime.StateTables.HistoryRecord;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.script.SqlRevisionScript;

/**
 * Runs plans against a database: takes the lock, reads the version table, validates what was applied, checks
 * every operation against the dialect, then runs each revision in its own transaction together with its
 * version-table and history rows (where the database allows), or all of them in one transaction when so
 * configured, and releases the lock.
 *
 * <p>A run where nothing is pending costs four statements: take the lock, read the version table, read the
 * applied checksums, release the lock.
 */
public final class Runner {

    private static final Logger logger = LoggerFactory.getLogger(Runner.class);

    private final DataSource dataSource;

    private final ScriptDirectory scripts;

    private final RunSettings settings;

    private final List<MigrationListener> listeners;

    private final AppliedRevisions applied;

    public Runner(DataSource dataSource, ScriptDirectory scripts, RunSettings settings,
            List<MigrationListener> listeners) {
        this.dataSource = dataSource;
        this.scripts = scripts;
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
        this.applied = new AppliedRevisions(scripts);
    }

    /** A revision's operations for one direction, checked against the dialect before anything runs. */
    private record PreparedStep(Step step, RevisionScript script, List<Operation> operations) {
    }

    /**
     * Runs the plan that {@code planner} makes from the version table's current rows.
     */
    public RunResult run(Function<List<String>, Plan> planner) {
        return run(planner, RevisionContext.NONE);
    }

    /**
     * Runs the plan that {@code planner} makes from the version table's current rows, for a run given these
     * {@code -x} arguments and tag (the history records the tag).
     */
    public RunResult run(Function<List<String>, Plan> planner, RevisionContext context) {
        long started = System.nanoTime();
        return withLock((connection, dialect, tables) -> {
            List<String> rows = ensureTables(connection, dialect, tables, false);
            Plan plan = planner.apply(rows);
            applied.validate(connection, tables, rows, settings.validateChecksums());
            if (plan.isEmpty()) {
                logger.info("Database is at {}; nothing to do", rows.isEmpty() ? "base" : String.join(", ", rows));
                return new RunResult(plan, rows, Duration.ofNanos(System.nanoTime() - started));
            }
            List<PreparedStep> prepared = prepare(plan, dialect, connection, context);
            tables.ensureHistoryShape(connection);
            OperationExecutor executor = new OperationExecutor(dialect);
            String appliedBy = connection.getMetaData().getUserName();
            SharedTransaction shared = !settings.transactionPerRevision() && dialect.transactionalDdl()
                    ? new SharedTransaction() : null;
            RunEvent event = new RunEvent(settings.name(), plan);
            notify(listener -> listener.runStarted(event));
            try {
                for (PreparedStep step : prepared) {
                    runStep(connection, dialect, tables, executor, step, appliedBy, shared, context.tag());
                }
                if (shared != null) {
                    shared.commit(connection, tables);
                }
            }
            catch (SQLException | RuntimeException | Error ex) {
                notify(listener -> listener.runFailed(event, ex));
                throw ex;
            }
            RunResult result = new RunResult(plan, plan.toRows(), Duration.ofNanos(System.nanoTime() - started));
            notify(listener -> listener.runFinished(event, result));
            return result;
        });
    }

    /** Sets the version table to {@code rowsFor(currentRows)} without running any revision. */
    public RunResult stamp(Function<List<String>, List<String>> rowsFor) {
        return stamp(rowsFor, null);
    }

    /** As {@link #stamp(Function)}, recording the run's tag in the history. */
    public RunResult stamp(Function<List<String>, List<String>> rowsFor, String tag) {
        long started = System.nanoTime();
        return withLock((connection, dialect, tables) -> {
            List<String> rows = ensureTables(connection, dialect, tables, true);
            List<String> target = rowsFor.apply(rows);
            tables.ensureHistoryShape(connection);
            inTransaction(connection, () -> {
                tables.replaceRows(connection, target);
                tables.settleUnfinished(connection, "settled by stamp to " + (target.isEmpty() ? "base" : target));
                tables.insertHistory(connection, new HistoryRecord(0, String.join(",", target).isEmpty() ? "base"
                        : String.join(",", target), "stamp", "stamp from " + (rows.isEmpty() ? "base" : rows), null,
                        Instant.now(), 0L, connection.getMetaData().getUserName(), true, null, tag));
            });
            logger.info("Stamped the version table from {} to {}", rows.isEmpty() ? "base" : rows,
                    target.isEmpty() ? "base" : target);
            return new RunResult(new Plan(rows, target, List.of()), target, Duration.ofNanos(System.nanoTime() - started));
        });
    }

    /**
     * Records, for every applied revision edited since it ran, the checksum it has now: a {@code repair} row in the
     * history per revision (the rows of the original run stay as they were), all in one transaction. Returns the
     * descriptions of the revisions repaired, in graph order; nothing is written when none was edited.
     */
    public List<String> repairChecksums() {
        return withLock((connection, dialect, tables) -> {
            ensureTables(connection, dialect, tables, false);
            List<AppliedRevisions.Edited> edited = applied.edited(tables.readAppliedState(connection));
            if (edited.isEmpty()) {
                logger.info("Every applied revision has the checksum it was applied with; nothing to repair");
                return List.of();
            }
            String appliedBy = connection.getMetaData().getUserName();
            tables.ensureHistoryShape(connection);
            List<HistoryRecord> records = new ArrayList<>();
            for (AppliedRevisions.Edited revision : edited) {
                records.add(new HistoryRecord(0, revision.id(), "repair", "checksum " + revision.recorded() + " -> "
                        + revision.now() + " accepted", revision.now(), Instant.now(), 0L, appliedBy, true, null, null));
            }
            inTransaction(connection, () -> tables.insertHistory(connection, records));
            List<String> repaired = edited.stream().map(AppliedRevisions.Edited::describe).toList();
            logger.info("Recorded the new checksum of {} edited revision(s): {}", repaired.size(), repaired);
            return repaired;
        });
    }

    /**
     * Creates the state tables when they are missing (Alembic's {@code ensure_version}); returns whether it did. A
     * version table dropped while the history records steps is refused as for a run.
     */
    public boolean ensureStateTables() {
        return withLock((connection, dialect, tables) -> {
            boolean missing = tables.readRows(connection) == null;
            ensureTables(connection, dialect, tables, false);
            return missing;
        });
    }

    /** The version table's rows; empty when it does not exist yet. Takes no lock and creates nothing. */
    public List<String> currentRows() {
        return read((connection, tables) -> {
            List<String> rows = tables.readRows(connection);
            return rows == null ? List.of() : rows;
        });
    }

    /** Every row of the history table, oldest first. */
    public List<HistoryRecord> historyRecords() {
        return read((connection, tables) -> tables.readHistory(connection));
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs state-table writes in one transaction on an autocommit connection, and leaves it in autocommit. */
    private static void inTransaction(Connection connection, SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        }
        catch (SQLException | RuntimeException ex) {
            connection.rollback();
            throw ex;
        }
        finally {
            connection.setAutoCommit(true);
        }
    }

    // ---- the run ------------------------------------------------------------------------------------------

    private interface LockedWork<T> {
        T run(Connection connection, Dialect dialect, StateTables tables) throws SQLException;
    }

    private <T> T read(ReadFunction<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = settings.dialect() != null ? settings.dialect() : Dialect.of(connection);
            return work.apply(connection, tables(dialect));
        }
        catch (SQLException ex) {
            throw new MigrateException("Cannot read Migrate's tables: " + describe(ex), ex);
        }
    }

    @FunctionalInterface
    private interface ReadFunction<T> {
        T apply(Connection connection, StateTables tables) throws SQLException;
    }

    private StateTables tables(Dialect dialect) {
        return new StateTables(dialect, settings.schema(), settings.versionTable(), settings.historyTable());
    }

    private <T> T withLock(LockedWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            String originalSchema = settings.schema() != null ? connection.getSchema() : null;
            Dialect dialect = settings.dialect() != null ? settings.dialect() : Dialect.of(connection);
            StateTables tables = tables(dialect);
            connection.setAutoCommit(true);
            long key = acquire(connection, dialect);
            try {
                return work.run(connection, dialect, tables);
            }
            finally {
                try {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                    dialect.unlock(connection, key);
                    if (originalSchema != null && settings.schema() != null) {
                        connection.setSchema(originalSchema);
                    }
                    connection.setAutoCommit(autoCommit);
                }
                catch (SQLException ex) {
                    logger.warn("Could not release Migrate's lock cleanly (it ends with the connection): {}",
                            ex.getMessage());
                }
            }
        }
        catch (SQLException ex) {
            throw new MigrateException("Migrate could not work with the database: " + describe(ex), ex);
        }
    }

    /** Takes the run lock, polling with back-off up to the lock wait; returns its key. */
    private long acquire(Connection connection, Dialect dialect) throws SQLException {
        long deadline = System.nanoTime() + settings.lockWait().toNanos();
        long pause = 50;
        boolean announced = false;
        Long key;
        while ((key = dialect.tryLock(connection, settings.schema(), settings.versionTable())) == null) {
            if (System.nanoTime() >= deadline) {
                throw new LockTimeoutException("Could not take Migrate's lock within " + describe(settings.lockWait())
                        + ": another process is migrating this database (" + dialect.name() + ", the state tables "
                        + tables(dialect).versionTableName() + " and " + tables(dialect).historyTableName()
                        + "). Wait for it to finish, or raise the lock wait (migrate.lock-wait).");
            }
            if (!announced) {
                logger.info("Waiting for another process to finish migrating");
                announced = true;
            }
            try {
                Thread.sleep(pause);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new MigrateException("Interrupted while waiting for Migrate's lock");
            }
            pause = Math.min(pause * 2, 1000);
        }
        return key;
    }

    /** A duration as a person reads it: {@code 250 ms}, {@code 1.5 s}, {@code 2 min 30 s}. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }

    /**
     * The version table's rows, creating the state tables on first use. A version table that is missing while the
     * history table records steps was dropped by hand: a run would apply everything again from base, so only
     * {@code stamp} (which says what the database holds) may recreate it.
     */
    private List<String> ensureTables(Connection connection, Dialect dialect, StateTables tables, boolean stamping)
            throws SQLException {
        List<String> rows = tables.readRows(connection);
        if (rows == null && !stamping) {
            StateTables.RecordedSteps recorded = tables.readRecordedSteps(connection);
            if (recorded != null && recorded.count() > 0) {
                throw new MigrateException(versionTableMissing(tables, recorded));
            }
        }
        if (rows == null) {
            logger.info("Creating the version table {} and the history table {}", tables.versionTableName(),
                    tables.historyTableName());
            tables.create(connection);
            rows = List.of();
        }
        if (settings.schema() != null) {
            connection.setSchema(dialect.storedName(settings.schema()));
        }
        return rows;
    }

    private static String versionTableMissing(StateTables tables, StateTables.RecordedSteps recorded) {
        HistoryRecord last = recorded.lastSuccessful();
        String suggestion = "";
        if (last != null) {
            suggestion = " The last successful step it records is " + last.direction() + " " + last.revision() + " at "
                    + last.startedAt() + ("upgrade".equals(last.direction()) ? "; if the database was at that one revision, 'stamp "
                            + last.revision() + "' recreates the table as it was" : "") + ".";
        }
        return "The version table " + tables.versionTableName() + " does not exist, but the history table "
                + tables.historyTableName() + " records " + recorded.count() + " step(s): the version table was "
                + "dropped or renamed by hand. Nothing was run, since a run would apply every revision again from base. "
                + "Restore the table, or recreate it with 'stamp <the revisions the database is at>'." + suggestion;
    }

    private List<PreparedStep> prepare(Plan plan, Dialect dialect, Connection connection, RevisionContext context)
            throws SQLException {
        List<PreparedStep> prepared = new ArrayList<>();
        String sqlFileProblem = null;
        boolean sqlFileChecked = false;
        for (Step step : plan.steps()) {
            RevisionScript script = scripts.script(step.revision().id());
            if (script instanceof SqlRevisionScript && !sqlFileChecked) {
                sqlFileProblem = dialect.problemWithSqlFiles(connection);
                sqlFileChecked = true;
            }
            if (script instanceof SqlRevisionScript && sqlFileProblem != null) {
                throw new MigrateException("Revision " + script.revision().id() + " (" + script.location()
                        + ") cannot " + step.direction().label() + ": " + sqlFileProblem + " Nothing was run.");
            }
            List<Operation> operations = step.direction() == Direction.UPGRADE ? script.upgrade(context)
                    : script.downgrade(context);
            for (Operation operation : operations) {
                String problem = dialect.problemWith(operation);
                if (problem == null && script.transactional() && operation instanceof Operation.BatchUpdate) {
                    problem = "a batched update commits each batch, so it cannot run inside the revision's one "
                            + "transaction; declare the revision non-transactional (transactional = false), ideally "
                            + "with the batched update alone in it, so that an interrupted run resumes";
                }
                if (problem == null && script.transactional() && dialect.supportsConcurrentIndexes()
                        && concurrent(operation)) {
                    problem = "CONCURRENTLY cannot run inside a transaction; declare the revision non-transactional "
                            + "(transactional = false, or '-- transactional: false' in a SQL revision)";
                }
                if (problem != null) {
                    throw new OperationRefusedException("Revision " + script.revision().id() + " ("
                            + script.location() + ") cannot " + step.direction().label() + " on " + dialect.name()
                            + ": its operation " + (operations.indexOf(operation) + 1) + " of " + operations.size()
                            + ", " + JavaRenderer.describe(operation) + ": " + problem + ". Nothing was run.");
                }
            }
            prepared.add(new PreparedStep(step, script, operations));
        }
        return prepared;
    }

    private static boolean concurrent(Operation operation) {
        return operation instanceof Operation.CreateIndex index && index.concurrently()
                || operation instanceof Operation.DropIndex drop && drop.concurrently()
                || operation instanceof Operation.Execute execute && CONCURRENTLY.matcher(execute.sql()).find();
    }

    private static final Pattern CONCURRENTLY = Pattern.compile(
            "(?i)^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX\\b.*?)\\s+CONCURRENTLY\\b");

    /**
     * The revisions of a run that share one transaction (when revisions do not commit on their own) and are not
     * committed yet. Their version-table change and history rows are written once, just before the commit: inside
     * one transaction nobody else can see the rows in between, and a thousand small statements in a transaction
     * full of DDL cost PostgreSQL far more than their round trips. Listeners hear that a step finished only once it
     * is committed.
     */
    private final class SharedTransaction {

        private final List<Step> steps = new ArrayList<>();

        private final List<HistoryRecord> history = new ArrayList<>();

        private final List<Runnable> finished = new ArrayList<>();

        void add(Step step, HistoryRecord record, Runnable notification) {
            steps.add(step);
            history.add(record);
            finished.add(notification);
        }

        List<String> revisions() {
            return steps.stream().map(step -> step.revision().id()).toList();
        }

        /** Writes the state tables and commits (nothing when the transaction holds no revision), then tells the listeners. */
        void commit(Connection connection, StateTables tables) {
            if (steps.isEmpty()) {
                return;
            }
            try {
                List<String> before = tables.readRows(connection);
                tables.changeRows(connection, before, Step.rowsAfter(before, steps));
                tables.insertHistory(connection, history);
                connection.commit();
                connection.setAutoCommit(true);
            }
            catch (SQLException ex) {
                rollbackQuietly(connection);
                List<String> rowsAfter = rowsAfterFailure(connection, tables);
                throw new MigrateException("Writing the state tables or committing the run's transaction failed: "
                        + describe(ex) + "\nIts " + steps.size() + " revision(s) (" + String.join(", ", revisions())
                        + ") were rolled back; the database is at " + MigrationFailedException.describe(rowsAfter)
                        + ".", ex);
            }
            finished.forEach(Runnable::run);
            steps.clear();
            history.clear();
            finished.clear();
        }
    }

    private void runStep(Connection connection, Dialect dialect, StateTables tables, OperationExecutor executor,
            PreparedStep prepared, String appliedBy, SharedTransaction shared, String tag) throws SQLException {
        Step step = prepared.step();
        RevisionScript script = prepared.script();
        boolean transactional = script.transactional();
        boolean joinsShared = shared != null && transactional;
        if (shared != null && !transactional) {
            // What came before is committed first, as Alembic's autocommit block does.
            shared.commit(connection, tables);
        }
        StepEvent event = new StepEvent(step, script.location(), transactional, false, settings.name());
        notify(listener -> listener.stepStarted(event));
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        HistoryRecord record = new HistoryRecord(0, step.revision().id(), step.direction().label(),
                step.revision().message(), script.checksum(), startedAt, null, appliedBy, null, null, tag);
        long marker = -1;
        int done = 0;
        // A failed CREATE INDEX CONCURRENTLY leaves an invalid index behind; knowing those there before, the report
        // can name the one this step left.
        List<String> invalidBefore = transactional ? List.of()
                : dialect.invalidIndexNames(connection).stream().map(Dialect.IndexName::qualified).toList();
        int retry = 0;
        // A non-transactional revision sets the session's timeouts; what the session had (the pool's own settings)
        // is put back afterwards.
        Map<String, String> sessionTimeouts = transactional ? Map.of() : sessionTimeouts(connection, dialect);
        Operation current = null;
        try {
            while (true) {
                try {
                    if (transactional) {
                        connection.setAutoCommit(false);
                        setTimeouts(connection, dialect, true, settings.lockTimeouts().lockTimeout());
                    }
                    else if (marker < 0) {
                        // Written first and committed, so that a crash midway leaves a trace the next run reports.
                        marker = tables.insertHistory(connection, record);
                    }
                    for (Operation operation : prepared.operations().subList(transactional ? 0 : done,
                            prepared.operations().size())) {
                        current = operation;
                        if (!transactional) {
                            // Concurrent index builds wait for old transactions by design: no lock timeout there
                            // (one that gave up would leave an invalid index behind).
                            setTimeouts(connection, dialect, false, concurrent(operation) ? Duration.ZERO
                                    : settings.lockTimeouts().lockTimeout());
                        }
                        if (operation instanceof Operation.BatchUpdate update) {
                            new BatchedUpdates(dialect, tables).run(connection, step.revision().id(), update,
                                    (name, rows, rate) -> notify(listener -> listener.batchCommitted(event, name, rows,
                                            rate)), executor);
                        }
                        else {
                            executor.execute(connection, operation, transactional);
                        }
                        done++;
                    }
                    break;
                }
                catch (SQLException | RuntimeException ex) {
                    if (joinsShared || !gaveUpOnALock(dialect, ex) || retry >= settings.lockTimeouts().retries()
                            || !transactional && !retryableAlone(current)) {
                        throw ex;
                    }
                    // Nothing of the attempt stays: a transactional revision is rolled back whole, and the statement
                    // of a non-transactional one that gave up (a single statement, nothing that commits as it goes)
                    // had changed nothing.
                    retry++;
                    if (transactional) {
                        rollbackQuietly(connection);
                        done = 0;
                    }
                    Duration delay = settings.lockTimeouts().delayBefore(retry);
                    logger.warn("Revision {} gave up waiting for a lock after {} (lock timeout); trying again in {} "
                            + "(retry {} of {})", step.revision().id(), settings.lockTimeouts().lockTimeout(), delay,
                            retry, settings.lockTimeouts().retries());
                    pause(delay);
                }
            }
            if (!transactional) {
                restoreTimeouts(connection, dialect, sessionTimeouts);
            }
            long millis = elapsedMillis(started);
            if (joinsShared) {
                Duration duration = Duration.ofNanos(System.nanoTime() - started);
                shared.add(step, withOutcome(record, millis, true, null),
                        () -> notify(listener -> listener.stepFinished(event, duration)));
                return;
            }
            connection.setAutoCommit(false);
            tables.apply(connection, step);
            if (prepared.operations().stream().anyMatch(Operation.BatchUpdate.class::isInstance)) {
                tables.clearProgress(connection, step.revision().id());
            }
            if (marker < 0) {
                tables.insertHistory(connection, withOutcome(record, millis, true, null));
            }
            else {
                tables.finishHistory(connection, marker, millis, true, null);
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            connection.commit();
            connection.setAutoCommit(true);
            notify(listener -> listener.stepFinished(event, duration));
        }
        catch (SQLException | RuntimeException ex) {
            if (!transactional) {
                try {
                    if (!connection.getAutoCommit()) {
                        // A batch's transaction that failed must end before the session takes another statement.
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                    restoreTimeouts(connection, dialect, sessionTimeouts);
                }
                catch (SQLException | RuntimeException lost) {
                    ex.addSuppressed(lost);
                }
            }
            List<String> undone = joinsShared ? shared.revisions() : List.of();
            throw failed(connection, dialect, tables, executor, prepared, event, record, marker, started, done, undone,
                    invalidBefore, ex);
        }
    }

    /**
     * Sets the lock timeout (and the statement timeout) for what follows: for the transaction, or for the session,
     * whose own settings are put back when a non-transactional revision is done ({@link #restoreTimeouts}).
     */
    private void setTimeouts(Connection connection, Dialect dialect, boolean local, Duration lockTimeout)
            throws SQLException {
        setTimeouts(connection, dialect, local, lockTimeout, settings.lockTimeouts().statementTimeout());
    }

    private static final List<String> TIMEOUTS = List.of("lock_timeout", "statement_timeout");

    /** The session's timeouts as they are before a non-transactional revision sets its own. */
    private Map<String, String> sessionTimeouts(Connection connection, Dialect dialect) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        if (settings.lockTimeouts().lockTimeout() == null && settings.lockTimeouts().statementTimeout() == null) {
            // Nothing will be set, so nothing needs putting back.
            return values;
        }
        for (String parameter : TIMEOUTS) {
            String value = dialect.currentSetting(connection, parameter);
            if (value != null) {
                values.put(parameter, value);
            }
        }
        return values;
    }

    /** Gives the session back the timeouts it had before a non-transactional revision. */
    private static void restoreTimeouts(Connection connection, Dialect dialect, Map<String, String> values)
            throws SQLException {
        for (Map.Entry<String, String> value : values.entrySet()) {
            dialect.restoreSetting(connection, value.getKey(), value.getValue());
        }
    }

    /**
     * Whether a statement of a non-transactional revision that gave up on a lock can run again alone: one statement
     * that changed nothing, not a batched update (whose batches commit as they go), Java code, or a block or
     * procedure that may commit.
     */
    private static boolean retryableAlone(Operation operation) {
        if (operation == null || operation instanceof Operation.BatchUpdate || operation instanceof Operation.JdbcWork
                || concurrent(operation)) {
            return false;
        }
        return !(operation instanceof Operation.Execute execute && PROCEDURAL.matcher(execute.sql()).find());
    }

    private static final Pattern PROCEDURAL = Pattern.compile(
            "(?i)^\\s*(DO|CALL|BEGIN|COMMIT)\\b|;\\s*\\S");

    private void setTimeouts(Connection connection, Dialect dialect, boolean local, Duration lockTimeout,
            Duration statementTimeout) throws SQLException {
        LockTimeouts timeouts = settings.lockTimeouts();
        if (timeouts.lockTimeout() == null && timeouts.statementTimeout() == null) {
            return;
        }
        String lock = dialect.setTimeout("lock_timeout", lockTimeout, local);
        String statement = dialect.setTimeout("statement_timeout", statementTimeout, local);
        if (lock == null) {
            return;
        }
        try (Statement session = connection.createStatement()) {
            session.execute(lock);
            session.execute(statement);
        }
    }

    private static boolean gaveUpOnALock(Dialect dialect, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && dialect.isLockTimeout(sql)) {
                return true;
            }
        }
        return false;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new MigrateException("Interrupted while waiting to retry a revision", ex);
        }
    }

    /** Rolls the step back, records the failure, tells the listeners, and says what happened. */
    private MigrationFailedException failed(Connection connection, Dialect dialect, StateTables tables,
            OperationExecutor executor, PreparedStep prepared, StepEvent event, HistoryRecord record, long marker,
            long started, int done, List<String> undone, List<String> invalidBefore, Exception ex) {
        rollbackQuietly(connection);
        boolean lost = lost(connection);
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        String error = ex instanceof SQLException sql ? describe(sql) : String.valueOf(ex.getMessage());
        recordFailure(connection, tables, record, marker, duration.toMillis(), error);
        List<String> rowsAfter = rowsAfterFailure(connection, tables);
        List<String> invalidIndexes = lost ? List.of() : invalidIndexesLeft(connection, dialect, invalidBefore,
                executor.currentStatement());
        MigrationFailedException failure = new StepFailure(prepared.step(), prepared.script(), dialect,
                executor.currentStatement(), executor.currentOrigin(), ex, done, prepared.operations().size(), undone,
                rowsAfter, lost, invalidIndexes).exception();
        notify(listener -> listener.stepFailed(event, duration, failure));
        return failure;
    }

    private static HistoryRecord withOutcome(HistoryRecord record, long millis, boolean success, String error) {
        return new HistoryRecord(0, record.revision(), record.direction(), record.message(), record.checksum(),
                record.startedAt(), millis, record.appliedBy(), success, error, record.tag());
    }

    private void recordFailure(Connection connection, StateTables tables, HistoryRecord record, long marker,
            long millis, String error) {
        try {
            connection.setAutoCommit(true);
            if (marker < 0) {
                tables.insertHistory(connection, withOutcome(record, millis, false, error));
            }
            else {
                tables.finishHistory(connection, marker, millis, false, error);
            }
        }
        catch (SQLException ex) {
            logger.warn("Could not record the failure of {} in the history table: {}", record.revision(),
                    ex.getMessage());
        }
    }

    /**
     * The version table's rows after a failure, read on the run's connection, or on a new one when that connection
     * is gone (the server ended the session, the network dropped it); {@code null} when neither can tell. Never a
     * guess: a failed read is not "base".
     */
    private List<String> rowsAfterFailure(Connection connection, StateTables tables) {
        try {
            List<String> rows = tables.readRows(connection);
            return rows == null ? List.of() : rows;
        }
        catch (SQLException ex) {
            logger.debug("Cannot read the version table on the run's connection ({}); trying a new one", ex.getMessage());
        }
        try (Connection fresh = dataSource.getConnection()) {
            List<String> rows = tables.readRows(fresh);
            return rows == null ? List.of() : rows;
        }
        catch (SQLException | RuntimeException ex) {
            logger.warn("Cannot read the version table after the failure: {}", ex.getMessage());
            return null;
        }
    }

    /**
     * The invalid indexes a failed non-transactional step leaves to deal with: those it created, and those named in
     * the failing statement (a re-run of the same CREATE INDEX CONCURRENTLY meets the one the last attempt left).
     */
    private static List<String> invalidIndexesLeft(Connection connection, Dialect dialect, List<String> before,
            String statement) {
        List<String> left = new ArrayList<>();
        try {
            for (Dialect.IndexName index : dialect.invalidIndexNames(connection)) {
                if (!before.contains(index.qualified()) || statement != null && statement.contains(index.name())) {
                    left.add(index.qualified());
                }
            }
        }
        catch (SQLException ex) {
            logger.debug("Could not list invalid indexes: {}", ex.getMessage());
        }
        return left;
    }

    private static boolean lost(Connection connection) {
        try {
            return connection.isClosed() || !connection.isValid(5);
        }
        catch (SQLException ex) {
            return true;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
        catch (SQLException ex) {
            logger.warn("Rollback failed: {}", ex.getMessage());
        }
    }

    private void notify(java.util.function.Consumer<MigrationListener> call) {
        for (MigrationListener listener : listeners) {
            try {
                call.accept(listener);
            }
            catch (RuntimeException ex) {
                logger.warn("Migration listener {} failed: {}", listener, ex.toString());
            }
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    static String describe(SQLException ex) {
        return (ex.getSQLState() != null ? "[SQLState " + ex.getSQLState() + "] " : "") + ex.getMessage();
    }
}
