package dev.migrate.testing;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.migrate.op.Operation;
import dev.migrate.op.Operations;
import dev.migrate.op.RevisionContext;
import dev.migrate.revision.Revision;
import dev.migrate.script.Checksums;
import dev.migrate.script.RevisionScript;

/** A revision built in a test from two lambdas, as a Java revision class would be. */
public final class TestRevision implements RevisionScript {

    private final Revision revision;

    private final Consumer<Operations> upgrade;

    private final Consumer<Operations> downgrade;

    private final boolean transactional;

    private TestRevision(Revision revision, Consumer<Operations> upgrade, Consumer<Operations> downgrade,
            boolean transactional) {
        this.revision = revision;
        this.upgrade = upgrade;
        this.downgrade = downgrade;
        this.transactional = transactional;
    }

    public static TestRevision of(String id, String parent, Consumer<Operations> upgrade, Consumer<Operations> downgrade) {
        Revision revision = new Revision(id, parent == null ? List.of() : List.of(parent), Set.of(), List.of(),
                "revision " + id, null, "TestRevision " + id);
        return new TestRevision(revision, upgrade, downgrade, true);
    }

    /** A copy with these parents (two or more make a merge). */
    public TestRevision withParents(String... parents) {
        Revision moved = new Revision(revision.id(), List.of(parents), revision.branchLabels(), revision.dependsOn(),
                revision.message(), revision.created(), revision.origin());
        return new TestRevision(moved, upgrade, downgrade, transactional);
    }

    /** A copy carrying these branch labels. */
    public TestRevision withBranchLabels(String... labels) {
        return new TestRevision(revision.withBranchLabels(labels), upgrade, downgrade, transactional);
    }

    /** A copy with this message. */
    public TestRevision withMessage(String message) {
        return new TestRevision(revision.withMessage(message), upgrade, downgrade, transactional);
    }

    /** A copy that also depends on these revisions or labels. */
    public TestRevision withDependsOn(String... dependencies) {
        return new TestRevision(revision.withDependsOn(dependencies), upgrade, downgrade, transactional);
    }

    public TestRevision nonTransactional() {
        return new TestRevision(revision, upgrade, downgrade, false);
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public boolean transactional() {
        return transactional;
    }

    @Override
    public String location() {
        return revision.origin();
    }

    @Override
    public List<Operation> upgrade() {
        return upgrade(RevisionContext.NONE);
    }

    @Override
    public List<Operation> downgrade() {
        return downgrade(RevisionContext.NONE);
    }

    @Override
    public List<Operation> upgrade(RevisionContext context) {
        Operations op = new Operations(context);
        upgrade.accept(op);
        return op.recorded();
    }

    @Override
    public List<Operation> downgrade(RevisionContext context) {
        Operations op = new Operations(context);
        downgrade.accept(op);
        return op.recorded();
    }

    @Override
    public String checksum() {
        return Checksums.ofOperations(upgrade());
    }
}
