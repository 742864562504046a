package db.revisions;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.string;

import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

/**
 * add full_name filled from email (seed 4.4: a column, then its data, in one revision)
 */
@RevisionInfo(
        id = "c3d4e5f6a1b2",
        parents = "b2c3d4e5f6a1",
        message = "add full_name filled from email",
        created = "2025-02-01T08:00:00Z"
)
public class R20250201_0800_c3d4e5f6a1b2_add_full_name_filled_from_email implements JavaRevision {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("users", column("full_name", string(100)));
        op.execute("UPDATE users SET full_name = SUBSTRING(email, 1, POSITION('@' IN email) - 1) WHERE full_name IS NULL");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("users", "full_name");
    }
}
