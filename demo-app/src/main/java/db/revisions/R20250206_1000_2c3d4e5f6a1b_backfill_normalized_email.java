package db.revisions;

import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

/**
 * backfill normalized_email in batches (seed 5.3, done right: keyset batches, each committed, resumable). It is
 * non-transactional and does nothing else, so an interrupted run resumes after its last batch.
 */
@RevisionInfo(
        id = "2c3d4e5f6a1b",
        parents = "1b2c3d4e5f6a",
        message = "backfill normalized_email in batches",
        created = "2025-02-06T10:00:00Z",
        transactional = false
)
public class R20250206_1000_2c3d4e5f6a1b_backfill_normalized_email implements JavaRevision {
    @Override
    public void upgrade(Operations op) {
        op.batchUpdate("users", "id", "normalized_email = LOWER(email)", "normalized_email IS NULL", 2000);
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("UPDATE users SET normalized_email = NULL");
    }
}
