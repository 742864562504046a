package db.revisions;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.string;
import static dev.migrate.op.Ddl.timestampTz;
import static dev.migrate.op.Ddl.uuid;

import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

/**
 * create users table
 */
@RevisionInfo(
        id = "a1b2c3d4e5f6",
        message = "create users table",
        created = "2025-01-29T12:34:00Z"
)
public class R20250129_1234_a1b2c3d4e5f6_create_users_table implements JavaRevision {
    @Override
    public void upgrade(Operations op) {
        op.createTable("users",
                column("id", uuid()).primaryKey(),
                column("email", string(255)).notNull(),
                column("hashed_password", string(255)).notNull(),
                column("created_at", timestampTz()).defaultSql("CURRENT_TIMESTAMP"));
        op.createUniqueIndex("idx_users_email", "users", "email");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("idx_users_email");
        op.dropTable("users");
    }
}
