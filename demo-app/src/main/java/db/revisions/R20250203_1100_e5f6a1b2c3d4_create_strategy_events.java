package db.revisions;

import static dev.migrate.op.Ddl.bigint;
import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.foreignKey;
import static dev.migrate.op.Ddl.string;
import static dev.migrate.op.Ddl.timestampTz;
import static dev.migrate.op.Ddl.uuid;

import dev.migrate.op.Column;
import dev.migrate.op.ForeignKey;
import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

/**
 * create strategy events (the analytics branch, developed beside billing)
 */
@RevisionInfo(
        id = "e5f6a1b2c3d4",
        parents = "c3d4e5f6a1b2",
        branchLabels = "analytics",
        message = "create strategy events",
        created = "2025-02-03T11:00:00Z"
)
public class R20250203_1100_e5f6a1b2c3d4_create_strategy_events implements JavaRevision {
    @Override
    public void upgrade(Operations op) {
        op.createTable("strategy_events",
                column("id", bigint()).primaryKey().identity(Column.Identity.BY_DEFAULT),
                column("strategy_id", uuid()).notNull(),
                column("kind", string(50)).notNull(),
                column("occurred_at", timestampTz()).notNull());
        op.createForeignKey("strategy_events", foreignKey("fk_strategy_events_strategy", "strategy_id", "strategies", "id").onDelete(ForeignKey.Action.CASCADE));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropConstraint("fk_strategy_events_strategy", "strategy_events");
        op.dropTable("strategy_events");
    }
}
