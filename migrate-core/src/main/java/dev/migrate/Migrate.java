package dev.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.PostgresDialect;
import dev.migrate.op.RevisionContext;
import dev.migrate.revision.HistoryEntry;
import dev.migrate.revision.Plan;
import dev.migrate.revision.Planner;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;
import dev.migrate.revision.Target;
import dev.migrate.runtime.LockTimeouts;
import dev.migrate.runtime.LoggingListener;
import dev.migrate.runtime.MigrationListener;
import dev.migrate.runtime.OfflineScript;
import dev.migrate.runtime.RunResult;
import dev.migrate.runtime.RunSettings;
import dev.migrate.runtime.Runner;
import dev.migrate.runtime.StateTables.HistoryRecord;
import dev.migrate.script.Location;
import dev.migrate.script.ScriptDirectory;

/**
 * Migrate's entry point without Spring: the revisions of some locations, a database, and what can be done with
 * them. Everything a run needs is held here, so several instances can work in one process at once.
 *
 * <pre>{@code
 * Migrate migrate = Migrate.builder().dataSource(dataSource).locations("classpath:db/revisions").build();
 * migrate.upgrade("heads");
 * migrate.downgrade("-1");
 * }</pre>
 */
public final class Migrate {

    private final DataSource dataSource;

    private final ScriptDirectory scripts;

    private final Planner planner;

    private final RunSettings settings;

    private final List<MigrationListener> listeners;

    private Migrate(Builder builder, ScriptDirectory scripts) {
        this.dataSource = builder.dataSource;
        this.scripts = scripts;
        this.planner = new Planner(scripts.graph());
        this.settings = new RunSettings(builder.schema, builder.versionTable, builder.historyTable, builder.lockWait,
                builder.validateChecksums, builder.dialect, builder.transactionPerRevision, builder.name,
                builder.lockTimeouts);
        this.listeners = List.copyOf(builder.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ScriptDirectory scripts() {
        return scripts;
    }

    /** The data source runs use, or {@code null} for an offline-only instance. */
    public DataSource dataSource() {
        return dataSource;
    }

    public RevisionGraph graph() {
        return scripts.graph();
    }

    public Planner planner() {
        return planner;
    }

    public RunSettings settings() {
        return settings;
    }

    // ---- online -------------------------------------------------------------------------------------------

    /** Brings the database up to {@code target} ({@code heads}, {@code head}, {@code +1}, an id, ...). */
    public RunResult upgrade(String target) {
        return upgrade(target, RevisionContext.NONE);
    }

    /**
     * Brings the database up to {@code target}, giving revisions these {@code -x} arguments and recording the tag
     * in the history (Alembic's {@code -x} and {@code --tag}).
     */
    public RunResult upgrade(String target, RevisionContext context) {
        return runner().run(rows -> planner.upgrade(rows, target), context);
    }

    /** Brings the database down to {@code target} ({@code -1}, {@code base}, an id, {@code label@rev}, ...). */
    public RunResult downgrade(String target) {
        return downgrade(target, RevisionContext.NONE);
    }

    /** Brings the database down to {@code target}, with {@code -x} arguments and a tag. */
    public RunResult downgrade(String target, RevisionContext context) {
        return runner().run(rows -> planner.downgrade(rows, target), context);
    }

    /** Sets the version table to {@code target} without running any revision. */
    public RunResult stamp(String target, boolean purge) {
        return stamp(target, purge, null);
    }

    /** Sets the version table to {@code target} without running any revision, recording the tag. */
    public RunResult stamp(String target, boolean purge, String tag) {
        return runner().stamp(rows -> planner.stampRows(rows, target, purge), tag);
    }

    /**
     * Records the current checksum of every applied revision that was edited after it ran (Flyway's {@code repair}
     * for checksums), so that an edit that changes nothing in the database, such as a comment, stops no later run.
     * Returns a line per revision repaired: id, file, old and new checksum; empty when none was edited.
     */
    public List<String> repair() {
        return runner().repairChecksums();
    }

    /** Creates the state tables when they are missing, and nothing else; returns whether they were created. */
    public boolean ensureStateTables() {
        return runner().ensureStateTables();
    }

    /** The statements that create the state tables when they are missing, for a script. */
    public String ensureStateTablesSql() {
        return offline().renderStateTables();
    }

    /**
     * The database as a person names it: its JDBC URL, with any password or other credential left out (for
     * {@code current --verbose}).
     */
    public String describeDatabase() {
        if (dataSource == null) {
            return "no database";
        }
        try (java.sql.Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            return url == null ? "the database" : url.replaceAll("(?i)([?&;](password|passwd|pwd)=)[^&;]*", "$1***")
                    .replaceAll("//[^/@:]+:[^/@]*@", "//***@");
        }
        catch (java.sql.SQLException ex) {
            throw new MigrateException("Cannot reach the database: " + ex.getMessage(), ex);
        }
    }

    /** What {@code upgrade target} would run, without running it. */
    public Plan pending(String target) {
        return planner.upgrade(current(), target);
    }

    /** The version table's rows: the revisions the database is at. Empty when it is at base. */
    public List<String> current() {
        return runner().currentRows();
    }

    public List<Revision> heads() {
        return graph().heads();
    }

    /** The revisions of a range ({@code start:end}, or {@code null} for all), newest first, marked against the database. */
    public List<HistoryEntry> history(String range) {
        return planner.history(range, current());
    }

    /** Every row of the history table, oldest first: what ran, when, by whom, for how long, and whether it worked. */
    public List<HistoryRecord> log() {
        return runner().historyRecords();
    }

    private Runner runner() {
        if (dataSource == null) {
            throw new MigrateException("No DataSource is configured; only offline (SQL) output is available.");
        }
        return new Runner(dataSource, scripts, settings, listeners);
    }

    // ---- offline ------------------------------------------------------------------------------------------

    /**
     * The SQL of an upgrade, without a connection: {@code target} from base (the script then creates the state
     * tables), or a range {@code start:end}.
     */
    public String upgradeSql(String targetOrRange) {
        return upgradeSql(targetOrRange, RevisionContext.NONE);
    }

    /** As {@link #upgradeSql(String)}, for revisions given these {@code -x} arguments and tag. */
    public String upgradeSql(String targetOrRange, RevisionContext context) {
        if (targetOrRange.contains(":")) {
            Target.Range range = Target.parseRange(targetOrRange);
            List<String> from = range.start() == null ? List.of() : ids(planner.resolve(range.start().text(), List.of()));
            String to = range.end() == null ? "heads" : range.end().text();
            return offline().render(planner.upgrade(from, to), from.isEmpty(), context);
        }
        return offline().render(planner.upgrade(List.of(), targetOrRange), true, context);
    }

    /** The SQL of a downgrade {@code start:end}, without a connection. */
    public String downgradeSql(String range) {
        return downgradeSql(range, RevisionContext.NONE);
    }

    /** As {@link #downgradeSql(String)}, for revisions given these {@code -x} arguments and tag. */
    public String downgradeSql(String range, RevisionContext context) {
        if (!range.contains(":")) {
            throw new MigrateException("An offline downgrade needs a range 'start:end', such as 'heads:base': "
                    + "without a database there is no current revision to start from.");
        }
        Target.Range parsed = Target.parseRange(range);
        List<String> from = ids(planner.resolve(parsed.start() == null ? "heads" : parsed.start().text(), List.of()));
        return offline().render(planner.downgrade(from, parsed.end() == null ? "base" : parsed.end().text()), false,
                context);
    }

    /**
     * The SQL of a {@code stamp}, without a connection: {@code target} from base (creating the state tables), or
     * {@code start:end}.
     */
    public String stampSql(String targetOrRange) {
        List<String> from = List.of();
        String to = targetOrRange;
        if (targetOrRange.contains(":")) {
            Target.Range range = Target.parseRange(targetOrRange);
            from = range.start() == null ? List.of() : planner.rowsFor(ids(planner.resolve(range.start().text(), List.of())));
            to = range.end() == null ? "heads" : range.end().text();
        }
        return offline().renderStamp(from, planner.stampRows(from, to, false), from.isEmpty());
    }

    private OfflineScript offline() {
        Dialect dialect = settings.dialect() != null ? settings.dialect() : new PostgresDialect();
        return new OfflineScript(scripts, dialect, settings);
    }

    private static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }

    /** Configures a {@link Migrate}. */
    public static final class Builder {

        private DataSource dataSource;

        private List<Location> locations = List.of(Location.parse("classpath:db/revisions"));

        private ScriptDirectory scripts;

        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();

        private String schema;

        private String versionTable = RunSettings.DEFAULT_VERSION_TABLE;

        private String historyTable = RunSettings.DEFAULT_HISTORY_TABLE;

        private Duration lockWait = Duration.ofMinutes(1);

        private boolean validateChecksums = true;

        private boolean transactionPerRevision = true;

        private Dialect dialect;

        private String name = RunSettings.DEFAULT_NAME;

        private LockTimeouts lockTimeouts = LockTimeouts.DEFAULT;

        private final List<MigrationListener> listeners = new ArrayList<>(List.of(new LoggingListener()));

        private Builder() {
        }

        public Builder dataSource(DataSource value) {
            this.dataSource = value;
            return this;
        }

        /** Where revisions are: {@code classpath:db/revisions} (the default), {@code filesystem:/srv/revisions}. */
        public Builder locations(String... values) {
            this.locations = Arrays.stream(values).map(Location::parse).toList();
            return this;
        }

        /** Revisions given directly instead of scanned from locations. */
        public Builder scripts(ScriptDirectory value) {
            this.scripts = value;
            return this;
        }

        public Builder classLoader(ClassLoader value) {
            this.classLoader = Objects.requireNonNull(value, "classLoader");
            return this;
        }

        /** The schema of the state tables and of unqualified names in revisions; created when missing. */
        public Builder schema(String value) {
            this.schema = value;
            return this;
        }

        public Builder versionTable(String value) {
            this.versionTable = Objects.requireNonNull(value, "versionTable");
            return this;
        }

        public Builder historyTable(String value) {
            this.historyTable = Objects.requireNonNull(value, "historyTable");
            return this;
        }

        /** How long to wait for another process's run; one minute by default. */
        public Builder lockWait(Duration value) {
            this.lockWait = Objects.requireNonNull(value, "lockWait");
            return this;
        }

        /** Whether an applied revision that was edited stops the run; on by default. */
        public Builder validateChecksums(boolean value) {
            this.validateChecksums = value;
            return this;
        }

        /**
         * Whether each revision commits on its own (the default). With {@code false}, the revisions of a run share
         * one transaction, as Alembic does by default: a failure undoes the whole run, and many small revisions
         * apply faster (see the README's benchmarks). A non-transactional revision commits what came before it.
         * Databases without transactional DDL (H2) always commit per revision.
         */
        public Builder transactionPerRevision(boolean value) {
            this.transactionPerRevision = value;
            return this;
        }

        /** The dialect; detected from the connection when not set (offline scripts default to PostgreSQL). */
        public Builder dialect(Dialect value) {
            this.dialect = value;
            return this;
        }

        /**
         * How long a revision's statements wait for locks and how often a revision that gave up is retried
         * ({@link LockTimeouts#DEFAULT}: ten seconds, three retries); {@link LockTimeouts#OFF} waits as long as it takes.
         */
        public Builder lockTimeouts(LockTimeouts value) {
            this.lockTimeouts = Objects.requireNonNull(value, "lockTimeouts");
            return this;
        }

        /** Which Migrate this is, where an application has several; listeners and meters see it. */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        public Builder listener(MigrationListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** Loads the revisions and validates their graph. */
        public Migrate build() {
            ScriptDirectory directory = scripts != null ? scripts : ScriptDirectory.load(locations, classLoader);
            return new Migrate(this, directory);
        }
    }
}
