package db.revisions;

import static dev.migrate.op.Ddl.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

/**
 * seed demo data (seed 2.3: bulk_insert), with enough users to make the next revision's backfill a real one
 */
@RevisionInfo(
        id = "1b2c3d4e5f6a",
        parents = "0a1b2c3d4e5f",
        message = "seed demo data",
        created = "2025-02-06T09:00:00Z"
)
public class R20250206_0900_1b2c3d4e5f6a_seed_demo_data implements JavaRevision {

    static final int USERS = 10_000;

    static final UUID ADA = UUID.fromString("00000000-0000-0000-0000-00000000ada0");

    @Override
    public void upgrade(Operations op) {
        List<List<Object>> users = new ArrayList<>();
        users.add(List.of(ADA, "Ada@Demo.Example", "!", "Ada Lovelace"));
        for (int i = 1; i < USERS; i++) {
            users.add(List.of(new UUID(0, i), "User" + i + "@Demo.Example", "!", "User " + i));
        }
        op.bulkInsert("users", List.of("id", "email", "hashed_password", "full_name"), users);
        op.bulkInsert("credits", List.of(Map.of("id", UUID.fromString("00000000-0000-0000-0000-0000000c0ed1"),
                "user_id", ADA, "balance", new BigDecimal("100.00"))));
        op.bulkInsert("strategies", List.of(Map.of("id", UUID.fromString("00000000-0000-0000-0000-00000057a7e9"),
                "user_id", ADA, "name", "moving average", "definition", json("{\"window\": 20, \"asset\": \"BTC\"}"),
                "status", "ACTIVE")));
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM strategies WHERE user_id = ?", ADA);
        op.execute("DELETE FROM credits WHERE user_id = ?", ADA);
        op.execute("DELETE FROM users WHERE email LIKE '%@Demo.Example'");
    }
}
