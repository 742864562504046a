package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.revision.Step;

/**
 * The version table (one row per applied head, Alembic's semantics) and the history table (one row per step),
 * created on first use.
 */
public final class StateTables {

    private static final String INSERT_HISTORY = "INSERT INTO %s (revision, direction, message, checksum, started_at,"
            + " duration_ms, applied_by, success, error, tag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String HISTORY_COLUMNS = "id, revision, direction, message, checksum, started_at, duration_ms,"
            + " applied_by, success, error";

    private static final int HISTORY_ROWS_PER_INSERT = 500;

    private final Dialect dialect;

    private final String schema;

    private final String versionTable;

    private final String historyTable;

    public StateTables(Dialect dialect, String schema, String versionTable, String historyTable) {
        this.dialect = dialect;
        this.schema = schema;
        this.versionTable = versionTable;
        this.historyTable = historyTable;
    }

    public String versionTableName() {
        return versionTable;
    }

    public String historyTableName() {
        return historyTable;
    }

    String version() {
        return dialect.qualify(schema, versionTable);
    }

    String history() {
        return dialect.qualify(schema, historyTable);
    }

    /** The version table's rows, or {@code null} when it does not exist yet. Autocommit must be on. */
    public List<String> readRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version_num FROM " + version())) {
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                result.add(rows.getString(1));
            }
            return result;
        }
        catch (SQLException ex) {
            if (dialect.isUndefinedTable(ex)) {
                return null;
            }
            throw ex;
        }
    }

    /**
     * Creates the schema (when one is configured) and both tables, in one transaction where DDL is transactional, so
     * that a process killed in between cannot leave one table without the other.
     */
    public void create(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (schema != null) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema));
            }
            statement.execute(dialect.createVersionTable(schema, versionTable));
            statement.execute(dialect.createHistoryTable(schema, historyTable));
            connection.commit();
        }
        catch (SQLException ex) {
            connection.rollback();
            throw ex;
        }
        finally {
            connection.setAutoCommit(true);
        }
    }

    /** Applies a step's change to the version table; every row it removes must exist. */
    public void apply(Connection connection, Step step) throws SQLException {
        List<String> deleted = new ArrayList<>(step.deletedRows());
        List<String> inserted = new ArrayList<>(step.insertedRows());
        if (!deleted.isEmpty() && !inserted.isEmpty()) {
            // One row moves: an update, as Alembic does for a linear step.
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + version() + " SET version_num = ? WHERE version_num = ?")) {
                update.setString(1, inserted.remove(0));
                update.setString(2, deleted.get(0));
                expectOne(update.executeUpdate(), "update", deleted.remove(0));
            }
        }
        for (String row : deleted) {
            deleteRow(connection, row);
        }
        for (String row : inserted) {
            insertRow(connection, row);
        }
    }

    /**
     * Changes the rows from {@code from} (what the table holds) to {@code to}: each row that goes must be there, as
     * in {@link #apply}.
     */
    public void changeRows(Connection connection, List<String> from, List<String> to) throws SQLException {
        for (String row : from) {
            if (!to.contains(row)) {
                deleteRow(connection, row);
            }
        }
        for (String row : to) {
            if (!from.contains(row)) {
                insertRow(connection, row);
            }
        }
    }

    /** Replaces every row (for {@code stamp}). */
    public void replaceRows(Connection connection, List<String> rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + version());
        }
        for (String row : rows) {
            insertRow(connection, row);
        }
    }

    private void deleteRow(Connection connection, String row) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + version() + " WHERE version_num = ?")) {
            delete.setString(1, row);
            expectOne(delete.executeUpdate(), "delete", row);
        }
    }

    private void insertRow(Connection connection, String row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + version() + " (version_num) VALUES (?)")) {
            insert.setString(1, row);
            insert.executeUpdate();
        }
    }

    private void expectOne(int count, String what, String row) {
        if (count != 1) {
            throw new MigrateException("The version table was expected to " + what + " one row '" + row + "' but "
                    + count + " matched; another process may have changed it. Run again to see the current state.");
        }
    }

    String progress() {
        return dialect.qualify(schema, historyTable + "_batches");
    }

    /** Creates the table batched updates save their progress in, when it does not exist. */
    public void ensureProgressTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + progress() + " (revision VARCHAR(64) NOT NULL, "
                    + "name VARCHAR(400) NOT NULL, last_key VARCHAR(400) NOT NULL, rows_done BIGINT NOT NULL, "
                    + "PRIMARY KEY (revision, name))");
        }
    }

    /** The last key a batched update finished, or {@code null} to start from the beginning. */
    public String readProgress(Connection connection, String revision, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_key FROM " + progress()
                + " WHERE revision = ? AND name = ?")) {
            select.setString(1, revision);
            select.setString(2, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Saves a batch's progress; called in the batch's own transaction. */
    public void saveProgress(Connection connection, String revision, String name, String lastKey, long rowsDone)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + progress()
                + " WHERE revision = ? AND name = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + progress()
                        + " (revision, name, last_key, rows_done) VALUES (?, ?, ?, ?)")) {
            delete.setString(1, revision);
            delete.setString(2, name);
            delete.executeUpdate();
            insert.setString(1, revision);
            insert.setString(2, name);
            insert.setString(3, lastKey);
            insert.setLong(4, rowsDone);
            insert.executeUpdate();
        }
    }

    /** Forgets a revision's batch progress once it is applied, so that a later re-run starts over. */
    public void clearProgress(Connection connection, String revision) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + progress() + " WHERE revision = ?")) {
            delete.setString(1, revision);
            delete.executeUpdate();
        }
    }

    /** Marks one row that never finished as settled, with a note. */
    public void settle(Connection connection, long id, String note) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + history()
                + " SET success = FALSE, error = ? WHERE id = ?")) {
            update.setString(1, note);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** Adds a history row; {@code success} {@code null} marks a step still running. Returns the row's id. */
    public long insertHistory(Connection connection, HistoryRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_HISTORY.formatted(history()),
                Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, 0, record);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }

    /**
     * Adds finished steps' history rows, up to {@value #HISTORY_ROWS_PER_INSERT} in each statement: one statement
     * is much cheaper for the database than many in a transaction that also ran DDL.
     */
    public void insertHistory(Connection connection, List<HistoryRecord> records) throws SQLException {
        for (int start = 0; start < records.size(); start += HISTORY_ROWS_PER_INSERT) {
            List<HistoryRecord> chunk = records.subList(start, Math.min(records.size(), start + HISTORY_ROWS_PER_INSERT));
            String sql = INSERT_HISTORY.formatted(history())
                    + ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)".repeat(chunk.size() - 1);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    bind(insert, i * 10, chunk.get(i));
                }
                insert.executeUpdate();
            }
        }
    }

    /** Sets the ten values of a history row, starting after parameter {@code offset}. */
    private static void bind(PreparedStatement insert, int offset, HistoryRecord record) throws SQLException {
        insert.setString(offset + 1, record.revision());
        insert.setString(offset + 2, record.direction());
        insert.setString(offset + 3, truncate(record.message(), 1000));
        insert.setString(offset + 4, record.checksum());
        insert.setTimestamp(offset + 5, Timestamp.from(record.startedAt()));
        insert.setObject(offset + 6, record.durationMillis());
        insert.setString(offset + 7, truncate(record.appliedBy(), 200));
        insert.setObject(offset + 8, record.success());
        insert.setString(offset + 9, truncate(record.error(), 4000));
        insert.setString(offset + 10, truncate(record.tag(), 200));
    }

    /** Completes a row written while its step was running. */
    public void finishHistory(Connection connection, long id, long durationMillis, boolean success, String error)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + history()
                + " SET duration_ms = ?, success = ?, error = ? WHERE id = ?")) {
            update.setLong(1, durationMillis);
            update.setBoolean(2, success);
            update.setString(3, truncate(error, 4000));
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    /** Every history row, oldest first. */
    public List<HistoryRecord> readHistory(Connection connection) throws SQLException {
        try {
            return readHistory(connection, true);
        }
        catch (SQLException ex) {
            if (dialect.isUndefinedTable(ex)) {
                return List.of();
            }
            if (dialect.isUndefinedColumn(ex)) {
                // A history table from before tags: read as it is; its first run that writes adds the column.
                return readHistory(connection, false);
            }
            throw ex;
        }
    }

    private List<HistoryRecord> readHistory(Connection connection, boolean withTag) throws SQLException {
        List<HistoryRecord> records = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + HISTORY_COLUMNS + (withTag ? ", tag" : "")
                        + " FROM " + history() + " ORDER BY id")) {
            while (rows.next()) {
                records.add(record(rows, withTag));
            }
        }
        return records;
    }

    /**
     * How many steps the history table records, and the last successful one (or {@code null}); {@code null} when
     * the history table does not exist.
     */
    public RecordedSteps readRecordedSteps(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + history())) {
            count.next();
            long steps = count.getLong(1);
            HistoryRecord last = null;
            try (ResultSet rows = statement.executeQuery("SELECT " + HISTORY_COLUMNS + " FROM " + history()
                    + " WHERE success = TRUE ORDER BY id DESC LIMIT 1")) {
                if (rows.next()) {
                    last = record(rows, false);
                }
            }
            return new RecordedSteps(steps, last);
        }
        catch (SQLException ex) {
            if (dialect.isUndefinedTable(ex)) {
                return null;
            }
            throw ex;
        }
    }

    /** What the history table holds, in brief: the number of steps and the last successful one. */
    public record RecordedSteps(long count, HistoryRecord lastSuccessful) {
    }

    /**
     * What validation needs: the checksum each revision was last applied (or repaired) with, and the steps that
     * started but never finished. One row: the checksums come joined into one text by the database (decoding a
     * thousand rows cost a cold start about four times as much); the whole rows of unfinished steps (rare) are read
     * by a second query.
     */
    public AppliedState readAppliedState(Connection connection) throws SQLException {
        Map<String, String> checksums = new HashMap<>();
        boolean anyUnfinished;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT " + dialect.joinLines(
                        "CASE WHEN success = TRUE THEN revision || ' ' || COALESCE(checksum, '') END", "id")
                        + ", COUNT(*) - COUNT(success) FROM " + history()
                        + " WHERE success IS NULL OR (success = TRUE AND direction IN ('upgrade', 'repair'))")) {
            row.next();
            readChecksumLines(row.getString(1), checksums);
            anyUnfinished = row.getLong(2) > 0;
        }
        List<HistoryRecord> unfinished = new ArrayList<>();
        if (anyUnfinished) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT " + HISTORY_COLUMNS + " FROM " + history()
                            + " WHERE success IS NULL ORDER BY id")) {
                while (rows.next()) {
                    unfinished.add(record(rows, false));
                }
            }
        }
        return new AppliedState(checksums, unfinished);
    }

    /**
     * Lines of {@code revision checksum}, oldest first, into {@code checksums}: a later line for the same revision
     * wins. A checksum has no spaces, so the last space on a line ends the revision id; an empty checksum is none.
     */
    private static void readChecksumLines(String lines, Map<String, String> checksums) {
        if (lines == null) {
            return;
        }
        int start = 0;
        while (start < lines.length()) {
            int end = lines.indexOf('\n', start);
            end = end < 0 ? lines.length() : end;
            int space = lines.lastIndexOf(' ', end - 1);
            if (space >= start) {
                String checksum = lines.substring(space + 1, end);
                checksums.put(lines.substring(start, space), checksum.isEmpty() ? null : checksum);
            }
            start = end + 1;
        }
    }

    /** Marks steps that never finished as settled by the user (after {@code stamp}). */
    public void settleUnfinished(Connection connection, String note) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + history()
                + " SET success = FALSE, error = ? WHERE success IS NULL")) {
            update.setString(1, note);
            update.executeUpdate();
        }
    }

    /** Checksums by revision, and steps that never finished. */
    public record AppliedState(Map<String, String> checksums, List<HistoryRecord> unfinished) {
    }

    private static HistoryRecord record(ResultSet rows, boolean withTag) throws SQLException {
        Timestamp started = rows.getTimestamp(6);
        long duration = rows.getLong(7);
        Long durationMillis = rows.wasNull() ? null : duration;
        boolean success = rows.getBoolean(9);
        Boolean outcome = rows.wasNull() ? null : success;
        return new HistoryRecord(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), started == null ? null : started.toInstant(), durationMillis, rows.getString(8),
                outcome, rows.getString(10), withTag ? rows.getString(11) : null);
    }

    /**
     * Brings a history table made by an earlier version up to this one's shape (the {@code tag} column); called
     * before a run writes to it. Idempotent, and cheap when the column is there.
     */
    public void ensureHistoryShape(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + history() + " ADD COLUMN IF NOT EXISTS tag VARCHAR(200)");
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * One row of the history table.
     *
     * @param id the row id ({@code 0} before it is written)
     * @param direction {@code upgrade}, {@code downgrade}, {@code stamp}, or {@code repair} (a checksum recorded anew)
     * @param success {@code true}, {@code false}, or {@code null} while the step runs (or if it never finished)
     * @param tag the tag the run was given ({@code --tag}, Alembic's), or {@code null}
     */
    public record HistoryRecord(long id, String revision, String direction, String message, String checksum,
            Instant startedAt, Long durationMillis, String appliedBy, Boolean success, String error, String tag) {
    }
}
