package dev.migrate.script;

import java.util.List;
import java.util.Set;

import dev.migrate.op.Operation;
import dev.migrate.op.RevisionContext;
import dev.migrate.revision.Revision;

/**
 * A revision as found in a revisions location: its identity, and the operations of its upgrade and downgrade.
 */
public interface RevisionScript {

    /** The identity the graph is built from. */
    Revision revision();

    /** Whether the revision runs inside one transaction together with its version-table update. */
    boolean transactional();

    /** Where it was found: a file path or a class name. */
    String location();

    /** The operations of the upgrade, in order. */
    List<Operation> upgrade();

    /**
     * The operations of the downgrade, in order.
     *
     * @throws ScriptException when the revision has no downgrade
     */
    List<Operation> downgrade();

    /** The operations of the upgrade for a run given these arguments; an SQL revision has no use for them. */
    default List<Operation> upgrade(RevisionContext context) {
        return upgrade();
    }

    /** The operations of the downgrade for a run given these arguments. */
    default List<Operation> downgrade(RevisionContext context) {
        return downgrade();
    }

    /**
     * A fingerprint of the upgrade, so that an applied revision that was edited afterwards is noticed.
     */
    String checksum();

    /**
     * The lint hazards ({@code dev.migrate.lint.Hazard} ids) a person has decided to accept for this revision:
     * {@code @RevisionInfo(acknowledge = ...)}, or an SQL revision's {@code -- acknowledge:} header.
     */
    default Set<String> acknowledgedHazards() {
        return Set.of();
    }
}
