package db.revisions;

import static dev.migrate.op.Ddl.check;
import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.decimal;
import static dev.migrate.op.Ddl.foreignKey;
import static dev.migrate.op.Ddl.uuid;

import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

/**
 * create credits with a non-negative balance (the billing branch)
 */
@RevisionInfo(
        id = "d4e5f6a1b2c3",
        parents = "c3d4e5f6a1b2",
        branchLabels = "billing",
        message = "create credits with a non-negative balance",
        created = "2025-02-03T10:00:00Z"
)
public class R20250203_1000_d4e5f6a1b2c3_create_credits implements JavaRevision {
    @Override
    public void upgrade(Operations op) {
        op.createTable("credits",
                column("id", uuid()).primaryKey(),
                column("user_id", uuid()).notNull(),
                column("balance", decimal(12, 2)).notNull().defaultSql("0"),
                check("credits_balance_check", "balance >= 0"));
        op.createForeignKey("credits", foreignKey("fk_credits_user_id", "user_id", "users", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropConstraint("fk_credits_user_id", "credits");
        op.dropTable("credits");
    }
}
