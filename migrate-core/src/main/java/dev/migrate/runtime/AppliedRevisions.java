package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.MigrateException;
import dev.migrate.op.Operation;
import dev.migrate.revision.Revision;
import dev.migrate.runtime.StateTables.AppliedState;
import dev.migrate.runtime.StateTables.HistoryRecord;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.ScriptDirectory;

/**
 * What the history table says about the revisions already applied, held against the revisions found now: steps
 * that never finished, and revisions edited since they ran. The runner checks both before a run changes anything;
 * {@code repair} records the new checksums of the edited ones.
 */
final class AppliedRevisions {

    private static final Logger logger = LoggerFactory.getLogger(AppliedRevisions.class);

    private final ScriptDirectory scripts;

    AppliedRevisions(ScriptDirectory scripts) {
        this.scripts = scripts;
    }

    /**
     * Stops a run before it changes anything when a non-transactional step never finished (steps that are batched
     * updates only are settled and resumed instead) or, with {@code validateChecksums}, when an applied revision was
     * edited since it ran.
     */
    void validate(Connection connection, StateTables tables, List<String> rows, boolean validateChecksums)
            throws SQLException {
        if (rows.isEmpty() && !validateChecksums) {
            return;
        }
        AppliedState state = tables.readAppliedState(connection);
        List<HistoryRecord> unfinished = new ArrayList<>();
        for (HistoryRecord record : state.unfinished()) {
            if (resumable(record)) {
                logger.info("Revision {} was interrupted during its batched update; resuming after its last batch",
                        record.revision());
                tables.settle(connection, record.id(), "interrupted; resumed by a later run");
            }
            else {
                unfinished.add(record);
            }
        }
        if (!unfinished.isEmpty()) {
            HistoryRecord record = unfinished.get(0);
            throw new MigrateException("Revision " + record.revision() + " (" + record.message() + ") started its "
                    + record.direction() + " at " + record.startedAt() + " as " + record.appliedBy()
                    + " and never finished: the process stopped while running it. It is not transactional, so the "
                    + "database may hold part of its changes; the version table says "
                    + (rows.isEmpty() ? "base" : String.join(", ", rows)) + ". Check what its statements did and "
                    + "complete or undo them by hand, then run 'stamp " + record.revision() + "' if it is now fully "
                    + "applied, or 'stamp " + (rows.isEmpty() ? "base" : String.join(" ", rows)) + "' if it is undone. "
                    + "Stamping clears this mark.");
        }
        if (!validateChecksums) {
            return;
        }
        List<Edited> edited = edited(state);
        if (!edited.isEmpty()) {
            StringBuilder details = new StringBuilder();
            for (Edited revision : edited) {
                details.append("\n  - ").append(revision.describe());
            }
            throw new ChecksumMismatchException("Applied revision(s) were edited after they ran:" + details
                    + "\nAn applied revision must stay as it ran: undo the edit and put the change in a new revision. "
                    + "If the edit changes nothing in the database (a comment, say), record the new checksum with the "
                    + "'repair' command (migrate.command=repair).",
                    edited.stream().map(Edited::id).toList());
        }
    }

    /** An applied revision whose checksum is no longer the one it was applied (or last repaired) with. */
    record Edited(String id, String location, String recorded, String now) {

        String describe() {
            return id + " (" + location + "): applied as " + abbreviate(recorded) + ", now " + abbreviate(now);
        }
    }

    /** The revisions of the graph whose recorded checksum differs from their script's, in graph order. */
    List<Edited> edited(AppliedState state) {
        List<Edited> edited = new ArrayList<>();
        for (Revision revision : scripts.graph().revisions()) {
            String recorded = state.checksums().get(revision.id());
            if (recorded == null) {
                continue;
            }
            RevisionScript script = scripts.script(revision.id());
            String now = script.checksum();
            if (!recorded.equals(now)) {
                edited.add(new Edited(revision.id(), script.location(), recorded, now));
            }
        }
        return edited;
    }

    /**
     * An upgrade that consists of batched updates only can simply run again: each batch committed its progress, and
     * the rest of the revision is nothing.
     */
    private boolean resumable(HistoryRecord record) {
        if (!"upgrade".equals(record.direction()) || scripts.graph().get(record.revision()) == null) {
            return false;
        }
        List<Operation> operations = scripts.script(record.revision()).upgrade();
        return !operations.isEmpty() && operations.stream().allMatch(Operation.BatchUpdate.class::isInstance);
    }

    private static String abbreviate(String checksum) {
        return checksum == null ? "none" : checksum.substring(0, Math.min(12, checksum.length()));
    }
}
