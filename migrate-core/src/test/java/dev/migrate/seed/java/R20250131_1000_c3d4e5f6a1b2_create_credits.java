package dev.migrate.seed.java;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.decimal;
import static dev.migrate.op.Ddl.foreignKey;
import static dev.migrate.op.Ddl.string;
import static dev.migrate.op.Ddl.uuid;

@RevisionInfo(id = "c3d4e5f6a1b2", parents = "b2c3d4e5f6a1", message = "create credits with a non-negative balance")
public class R20250131_1000_c3d4e5f6a1b2_create_credits implements JavaRevision {

    static final UUID SYSTEM_USER = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Override
    public void upgrade(Operations op) {
        op.createTable("credits",
                column("id", uuid()).primaryKey(),
                column("user_id", uuid()).notNull(),
                column("balance", decimal(12, 2)).notNull().defaultSql("0"),
                foreignKey("fk_credits_user_id", "user_id", "users", "id"));
        op.createCheckConstraint("credits_balance_check", "credits", "balance >= 0");
        op.bulkInsert("users", List.of(Map.of("id", SYSTEM_USER, "email", "system@example.com",
                "hashed_password", "!")));
        op.bulkInsert("credits", List.of(
                Map.of("id", UUID.fromString("00000000-0000-0000-0000-0000000000c1"), "user_id", SYSTEM_USER,
                        "balance", new java.math.BigDecimal("100.00"))));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropConstraint("credits_balance_check", "credits");
        op.dropTable("credits");
        op.execute("DELETE FROM users WHERE id = ?", SYSTEM_USER);
    }
}
