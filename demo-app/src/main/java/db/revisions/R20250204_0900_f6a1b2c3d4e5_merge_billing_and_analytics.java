package db.revisions;

import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

/**
 * merge billing and analytics (seed 4.2: two branches joined again)
 */
@RevisionInfo(
        id = "f6a1b2c3d4e5",
        parents = {"d4e5f6a1b2c3", "e5f6a1b2c3d4"},
        message = "merge billing and analytics",
        created = "2025-02-04T09:00:00Z"
)
public class R20250204_0900_f6a1b2c3d4e5_merge_billing_and_analytics implements JavaRevision {
    @Override
    public void upgrade(Operations op) {
    }

    @Override
    public void downgrade(Operations op) {
    }
}
