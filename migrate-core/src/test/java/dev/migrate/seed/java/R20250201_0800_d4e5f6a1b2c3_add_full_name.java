package dev.migrate.seed.java;

import java.sql.PreparedStatement;

import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.string;

/** Seed 4.4: add a column, then fill it from another one in the same revision. */
@RevisionInfo(id = "d4e5f6a1b2c3", parents = "c3d4e5f6a1b2", message = "add full_name filled from email")
public class R20250201_0800_d4e5f6a1b2c3_add_full_name implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("users", column("full_name", string(100)));
        op.jdbc("fill full_name from the part of email before '@'", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE users SET full_name = SUBSTRING(email, 1, POSITION('@' IN email) - 1) WHERE full_name IS NULL")) {
                update.executeUpdate();
            }
        });
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("users", "full_name");
    }
}
