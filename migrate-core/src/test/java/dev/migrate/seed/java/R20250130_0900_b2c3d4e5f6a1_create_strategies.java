package dev.migrate.seed.java;

import dev.migrate.op.ForeignKey;
import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.foreignKey;
import static dev.migrate.op.Ddl.jsonb;
import static dev.migrate.op.Ddl.string;
import static dev.migrate.op.Ddl.uuid;

@RevisionInfo(id = "b2c3d4e5f6a1", parents = "a1b2c3d4e5f6", message = "create strategies table")
public class R20250130_0900_b2c3d4e5f6a1_create_strategies implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.createTable("strategies",
                column("id", uuid()).primaryKey(),
                column("user_id", uuid()).notNull(),
                column("name", string(255)).notNull(),
                column("definition", jsonb()).notNull(),
                column("status", string(20)).defaultValue("DRAFT"),
                foreignKey("fk_strategies_user_id", "user_id", "users", "id").onDelete(ForeignKey.Action.CASCADE));
        op.createIndex("idx_strategies_user_id", "strategies", "user_id");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("idx_strategies_user_id");
        op.dropTable("strategies");
    }
}
