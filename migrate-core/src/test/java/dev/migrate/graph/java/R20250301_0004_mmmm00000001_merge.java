package dev.migrate.graph.java;

import dev.migrate.op.Operations;
import dev.migrate.script.JavaRevision;
import dev.migrate.script.RevisionInfo;

import static dev.migrate.op.Ddl.bigint;
import static dev.migrate.op.Ddl.column;

/** Joins billing and network. */
@RevisionInfo(id = "mmmm00000001", parents = {"bbbb00000002", "nnnn00000001"}, message = "merge billing and network")
public class R20250301_0004_mmmm00000001_merge implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("hosts", column("billing_account", bigint()));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("hosts", "billing_account");
    }
}
