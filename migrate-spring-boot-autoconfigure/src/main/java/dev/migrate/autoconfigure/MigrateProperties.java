package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.migrate.script.RevisionWriter;

/**
 * Configuration of Migrate, under {@code migrate.*}.
 */
@ConfigurationProperties("migrate")
public class MigrateProperties {

    /** Whether to enable Migrate. */
    private boolean enabled = true;

    /**
     * Comma-separated list of locations of revisions: classpath: locations (SQL files and Java revision classes) or
     * filesystem: folders.
     */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/revisions"));

    /** Target the database is brought to on start-up, in Alembic's grammar. */
    private String target = "heads";

    /** Schema of the state tables and of unqualified names in revisions; the connection's default when unset. */
    private String schema;

    /** Name of the version table. */
    private String versionTable = "migrate_version";

    /** Name of the history table. */
    private String historyTable = "migrate_history";

    /** How long to wait for another process that is migrating the same database. */
    private Duration lockWait = Duration.ofMinutes(1);

    /** Whether an applied revision that was edited afterwards stops the run. */
    private boolean validateChecksums = true;

    /**
     * Whether each revision commits on its own. When false, the revisions of a run share one transaction (Alembic's
     * default): a failure undoes the whole run. Ignored on databases without transactional DDL.
     */
    private boolean transactionPerRevision = true;

    /** JDBC URL of the database to migrate, when it is not the application's DataSource. */
    private String url;

    /** Login user of the database to migrate; with no url, a copy of the application's DataSource uses it. */
    private String user;

    /** Login password of the database to migrate. */
    private String password;

    /** Fully qualified name of the JDBC driver; detected from the url when unset. */
    private String driverClassName;

    /**
     * Command to run instead of the application, such as "downgrade -1" or "history -i": the application starts
     * without its web server and without creating beans the command does not need, runs it, prints its output and
     * exits with its status, before any ApplicationRunner or CommandLineRunner of the application.
     */
    private String command;

    /** Name of the Migrate instance commands address; the one configured by the top-level properties by default. */
    private String instance;

    /**
     * What start-up does: upgrade to the target, validate (fail the start while revisions are pending or the
     * database holds one the application does not know, changing nothing), or none.
     */
    private OnStart onStart = OnStart.UPGRADE;

    /**
     * Further databases, each with its own revisions, by instance name: every property of an instance not given is
     * the top-level one, except the connection and the locations (classpath:db/{name} by default).
     */
    private Map<String, Instance> instances = new LinkedHashMap<>();

    /**
     * How long a revision's statement waits for a table lock (PostgreSQL's lock_timeout) before the revision gives
     * up, is rolled back, and is tried again; 0 waits as long as it takes. DDL that waits queues every later query on
     * the table behind it.
     */
    private Duration lockTimeout = Duration.ofSeconds(10);

    /** How many times a revision that gave up waiting for a lock is tried again. */
    private int lockTimeoutRetries = 3;

    /** Wait before the first retry of a revision that gave up waiting for a lock, doubled at each retry. */
    private Duration lockTimeoutRetryDelay = Duration.ofSeconds(5);

    /** How long a revision's statement may run (PostgreSQL's statement_timeout); no limit when unset. */
    private Duration statementTimeout;

    private final Lint lint = new Lint();

    private final Metrics metrics = new Metrics();

    private final Revisions revisions = new Revisions();

    private final Health health = new Health();

    private final Autogenerate autogenerate = new Autogenerate();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getLocations() {
        return this.locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getTarget() {
        return this.target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getSchema() {
        return this.schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getVersionTable() {
        return this.versionTable;
    }

    public void setVersionTable(String versionTable) {
        this.versionTable = versionTable;
    }

    public String getHistoryTable() {
        return this.historyTable;
    }

    public void setHistoryTable(String historyTable) {
        this.historyTable = historyTable;
    }

    public Duration getLockWait() {
        return this.lockWait;
    }

    public void setLockWait(Duration lockWait) {
        this.lockWait = lockWait;
    }

    public boolean isValidateChecksums() {
        return this.validateChecksums;
    }

    public void setValidateChecksums(boolean validateChecksums) {
        this.validateChecksums = validateChecksums;
    }

    public boolean isTransactionPerRevision() {
        return this.transactionPerRevision;
    }

    public void setTransactionPerRevision(boolean transactionPerRevision) {
        this.transactionPerRevision = transactionPerRevision;
    }

    public String getUrl() {
        return this.url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return this.user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return this.password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDriverClassName() {
        return this.driverClassName;
    }

    public void setDriverClassName(String driverClassName) {
        this.driverClassName = driverClassName;
    }

    public String getCommand() {
        return this.command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public String getInstance() {
        return this.instance;
    }

    public void setInstance(String instance) {
        this.instance = instance;
    }

    public OnStart getOnStart() {
        return this.onStart;
    }

    public void setOnStart(OnStart onStart) {
        this.onStart = onStart;
    }

    public Map<String, Instance> getInstances() {
        return this.instances;
    }

    public void setInstances(Map<String, Instance> instances) {
        this.instances = instances;
    }

    public Duration getLockTimeout() {
        return this.lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public int getLockTimeoutRetries() {
        return this.lockTimeoutRetries;
    }

    public void setLockTimeoutRetries(int lockTimeoutRetries) {
        this.lockTimeoutRetries = lockTimeoutRetries;
    }

    public Duration getLockTimeoutRetryDelay() {
        return this.lockTimeoutRetryDelay;
    }

    public void setLockTimeoutRetryDelay(Duration lockTimeoutRetryDelay) {
        this.lockTimeoutRetryDelay = lockTimeoutRetryDelay;
    }

    public Duration getStatementTimeout() {
        return this.statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public Lint getLint() {
        return this.lint;
    }

    public Metrics getMetrics() {
        return this.metrics;
    }

    public Revisions getRevisions() {
        return this.revisions;
    }

    public Health getHealth() {
        return this.health;
    }

    public Autogenerate getAutogenerate() {
        return this.autogenerate;
    }

    /** Autogenerate: comparing the entity model with the database. */
    public static class Autogenerate {

        /** Message of the revision written when the application runs with the "autogenerate" profile. */
        private String message;

        /**
         * Comma-separated list of name patterns of the tables, sequences and enum types to compare ("*" matches any
         * run of characters), tables with their columns, keys, indexes and constraints; everything when empty.
         */
        private List<String> includeTables = new ArrayList<>();

        /**
         * Comma-separated list of name patterns of the tables, sequences and enum types to leave out of the
         * comparison.
         */
        private List<String> excludeTables = new ArrayList<>();

        /** Comma-separated list of "table.column" patterns of columns to leave out of the comparison. */
        private List<String> excludeColumns = new ArrayList<>();

        /** Comma-separated list of name patterns of indexes and constraints to leave out of the comparison. */
        private List<String> excludeIndexes = new ArrayList<>();

        /**
         * Whether changes to existing PostgreSQL tables are written in the forms that keep the database serving
         * (concurrent indexes, NOT VALID constraints validated later, NOT NULL by way of a check), partly in a
         * non-transactional follow-up revision, with what lint still finds noted beside them.
         */
        private boolean safeForms;

        public boolean isSafeForms() {
            return this.safeForms;
        }

        public void setSafeForms(boolean safeForms) {
            this.safeForms = safeForms;
        }

        public List<String> getExcludeColumns() {
            return this.excludeColumns;
        }

        public void setExcludeColumns(List<String> excludeColumns) {
            this.excludeColumns = excludeColumns;
        }

        public List<String> getExcludeIndexes() {
            return this.excludeIndexes;
        }

        public void setExcludeIndexes(List<String> excludeIndexes) {
            this.excludeIndexes = excludeIndexes;
        }

        public String getMessage() {
            return this.message;
        }

        public void setMessage(String message) {
            this.message = message;
        }

        public List<String> getIncludeTables() {
            return this.includeTables;
        }

        public void setIncludeTables(List<String> includeTables) {
            this.includeTables = includeTables;
        }

        public List<String> getExcludeTables() {
            return this.excludeTables;
        }

        public void setExcludeTables(List<String> excludeTables) {
            this.excludeTables = excludeTables;
        }
    }

    /** Where new revisions ({@code revision}, {@code merge}, autogenerate) are written. */
    public static class Revisions {

        /** Whether new revisions are written as Java classes or SQL files. */
        private RevisionWriter.Format format = RevisionWriter.Format.JAVA;

        /**
         * Where new revisions go: for Java the source root (default src/main/java), for SQL the folder (default
         * src/main/resources/ followed by the first classpath location).
         */
        private String directory;

        /** Template of new revision file names, with {year} {month} {day} {hour} {minute} {rev} {slug}. */
        private String fileTemplate = RevisionWriter.DEFAULT_TEMPLATE;

        /**
         * Location (one of migrate.locations) that a new revision starting a branch with this label is written to;
         * other new revisions go where their parent is, or where --version-path says.
         */
        private Map<String, String> branchLocations = new LinkedHashMap<>();

        /**
         * How new Java revisions are laid out: auto (google-java-format's AOSP style, four spaces, when
         * google-java-format is on the classpath), aosp, google (two spaces), or none (as generated).
         */
        private JavaFormatter javaFormatter = JavaFormatter.AUTO;

        /** Whether new SQL revisions' statements are laid out by sql-formatter (sql-formatter) or not (none). */
        private SqlFormatter sqlFormatter = SqlFormatter.NONE;

        public Map<String, String> getBranchLocations() {
            return this.branchLocations;
        }

        public void setBranchLocations(Map<String, String> branchLocations) {
            this.branchLocations = branchLocations;
        }

        public JavaFormatter getJavaFormatter() {
            return this.javaFormatter;
        }

        public void setJavaFormatter(JavaFormatter javaFormatter) {
            this.javaFormatter = javaFormatter;
        }

        public SqlFormatter getSqlFormatter() {
            return this.sqlFormatter;
        }

        public void setSqlFormatter(SqlFormatter sqlFormatter) {
            this.sqlFormatter = sqlFormatter;
        }

        public RevisionWriter.Format getFormat() {
            return this.format;
        }

        public void setFormat(RevisionWriter.Format format) {
            this.format = format;
        }

        public String getDirectory() {
            return this.directory;
        }

        public void setDirectory(String directory) {
            this.directory = directory;
        }

        public String getFileTemplate() {
            return this.fileTemplate;
        }

        public void setFileTemplate(String fileTemplate) {
            this.fileTemplate = fileTemplate;
        }
    }

    /** Formatters for new Java revisions; google-java-format runs in a JVM of its own. */
    public enum JavaFormatter {

        /** google-java-format's AOSP style when google-java-format is on the classpath, else as generated. */
        AUTO,

        /** google-java-format's AOSP style: four-space indentation. */
        AOSP,

        /** google-java-format's own style: two-space indentation. */
        GOOGLE,

        /** As generated. */
        NONE
    }

    /** Formatters for new SQL revisions. */
    public enum SqlFormatter {

        /** As generated. */
        NONE,

        /** vertical-blank's sql-formatter with PostgreSQL's rules, kept only where it changes layout alone. */
        SQL_FORMATTER
    }

    /** What start-up does with the database. */
    public enum OnStart {

        /** Brings the database to the target before anything uses it. */
        UPGRADE,

        /** Fails the start while revisions are pending or the database holds an unknown one; changes nothing. */
        VALIDATE,

        /** Leaves the database alone (migrations run elsewhere, a Kubernetes Job say). */
        NONE
    }

    /** Meters. */
    /** The lint of revisions not yet applied, on start-up against PostgreSQL, and in {@code check}. */
    public static class Lint {

        /** What start-up does with lint hazards not acknowledged: warn (log them), fail (stop the start), or off. */
        private LintOnStart onStart = LintOnStart.WARN;

        /** Revision whose ancestors and itself are not linted (history that ran before the lint existed). */
        private String since;

        /** PostgreSQL major version to lint for; the database's when unset. */
        private Integer postgresVersion;

        public LintOnStart getOnStart() {
            return this.onStart;
        }

        public void setOnStart(LintOnStart onStart) {
            this.onStart = onStart;
        }

        public String getSince() {
            return this.since;
        }

        public void setSince(String since) {
            this.since = since;
        }

        public Integer getPostgresVersion() {
            return this.postgresVersion;
        }

        public void setPostgresVersion(Integer postgresVersion) {
            this.postgresVersion = postgresVersion;
        }
    }

    /** What start-up does with lint hazards not acknowledged. */
    public enum LintOnStart {

        /** Logs each as a warning and goes on. */
        WARN,

        /** Fails the start before the upgrade, naming each. */
        FAIL,

        /** Does not lint. */
        OFF
    }

    public static class Metrics {

        /**
         * Whether the migrate.step timer carries the revision id as a tag: one time series per revision, so off by
         * default (the observations carry it as a high-cardinality key).
         */
        private boolean revisionTag;

        public boolean isRevisionTag() {
            return this.revisionTag;
        }

        public void setRevisionTag(boolean revisionTag) {
            this.revisionTag = revisionTag;
        }
    }

    /** One further database and its revisions; a property left unset is the top-level one. */
    public static class Instance {

        /** Name of the DataSource bean to migrate; or give url (with user and password). */
        private String dataSource;

        /** JDBC URL of the database to migrate. */
        private String url;

        /** Login user of the database to migrate. */
        private String user;

        /** Login password of the database to migrate. */
        private String password;

        /** Fully qualified name of the JDBC driver; detected from the url when unset. */
        private String driverClassName;

        /** Comma-separated list of locations of this instance's revisions; classpath:db/{name} when unset. */
        private List<String> locations;

        /** Target this database is brought to on start-up. */
        private String target;

        /** Schema of the state tables and of unqualified names in revisions. */
        private String schema;

        /** Name of the version table. */
        private String versionTable;

        /** Name of the history table. */
        private String historyTable;

        /** How long to wait for another process that is migrating the same database. */
        private Duration lockWait;

        /** Whether an applied revision that was edited afterwards stops the run. */
        private Boolean validateChecksums;

        /** Whether each revision commits on its own. */
        private Boolean transactionPerRevision;

        public String getDataSource() {
            return this.dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }

        public String getUrl() {
            return this.url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUser() {
            return this.user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public String getPassword() {
            return this.password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getDriverClassName() {
            return this.driverClassName;
        }

        public void setDriverClassName(String driverClassName) {
            this.driverClassName = driverClassName;
        }

        public List<String> getLocations() {
            return this.locations;
        }

        public void setLocations(List<String> locations) {
            this.locations = locations;
        }

        public String getTarget() {
            return this.target;
        }

        public void setTarget(String target) {
            this.target = target;
        }

        public String getSchema() {
            return this.schema;
        }

        public void setSchema(String schema) {
            this.schema = schema;
        }

        public String getVersionTable() {
            return this.versionTable;
        }

        public void setVersionTable(String versionTable) {
            this.versionTable = versionTable;
        }

        public String getHistoryTable() {
            return this.historyTable;
        }

        public void setHistoryTable(String historyTable) {
            this.historyTable = historyTable;
        }

        public Duration getLockWait() {
            return this.lockWait;
        }

        public void setLockWait(Duration lockWait) {
            this.lockWait = lockWait;
        }

        public Boolean getValidateChecksums() {
            return this.validateChecksums;
        }

        public void setValidateChecksums(Boolean validateChecksums) {
            this.validateChecksums = validateChecksums;
        }

        public Boolean getTransactionPerRevision() {
            return this.transactionPerRevision;
        }

        public void setTransactionPerRevision(Boolean transactionPerRevision) {
            this.transactionPerRevision = transactionPerRevision;
        }
    }

    /** Health contributor. */
    public static class Health {

        /** Health status reported while revisions are pending. */
        private String pendingStatus = "DOWN";

        /** Health status reported when the database holds a revision the application does not know. */
        private String unknownRevisionStatus = "DOWN";

        public String getPendingStatus() {
            return this.pendingStatus;
        }

        public void setPendingStatus(String pendingStatus) {
            this.pendingStatus = pendingStatus;
        }

        public String getUnknownRevisionStatus() {
            return this.unknownRevisionStatus;
        }

        public void setUnknownRevisionStatus(String unknownRevisionStatus) {
            this.unknownRevisionStatus = unknownRevisionStatus;
        }
    }
}
