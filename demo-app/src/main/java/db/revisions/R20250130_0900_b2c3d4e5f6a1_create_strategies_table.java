package db.revisions;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.foreignKey;
import static dev.migrate.op.Ddl.jsonb;
import static dev.migrate.op.Ddl.string;
import static dev.migrate.op.Ddl.uuid;

import dev.migrate.op.ForeignKey;
import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

/**
 * create strategies table
 */
@RevisionInfo(
        id = "b2c3d4e5f6a1",
        parents = "a1b2c3d4e5f6",
        message = "create strategies table",
        created = "2025-01-30T09:00:00Z"
)
public class R20250130_0900_b2c3d4e5f6a1_create_strategies_table implements JavaRevision {
    @Override
    public void upgrade(Operations op) {
        op.createTable("strategies",
                column("id", uuid()).primaryKey(),
                column("user_id", uuid()).notNull(),
                column("name", string(255)).notNull(),
                column("definition", jsonb()).notNull(),
                column("status", string(20)).defaultSql("'DRAFT'"));
        op.createIndex("idx_strategies_user_id", "strategies", "user_id");
        op.createForeignKey("strategies", foreignKey("fk_strategies_user_id", "user_id", "users", "id").onDelete(ForeignKey.Action.CASCADE));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropConstraint("fk_strategies_user_id", "strategies");
        op.dropIndex("idx_strategies_user_id");
        op.dropTable("strategies");
    }
}
