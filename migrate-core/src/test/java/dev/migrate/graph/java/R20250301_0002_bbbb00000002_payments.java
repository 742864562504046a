package dev.migrate.graph.java;

import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

import static dev.migrate.op.Ddl.bigint;
import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.foreignKey;

/** On the billing branch; it needs the audit log, which is on a branch of its own. */
@RevisionInfo(id = "bbbb00000002", parents = "bbbb00000001", dependsOn = "audit", message = "payments")
public class R20250301_0002_bbbb00000002_payments implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.createTable("payments",
                column("id", bigint()).primaryKey(),
                column("invoice_id", bigint()).notNull(),
                column("audit_id", bigint()),
                foreignKey("fk_payments_invoice", "invoice_id", "invoices", "id"),
                foreignKey("fk_payments_audit", "audit_id", "audit_log", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("payments");
    }
}
