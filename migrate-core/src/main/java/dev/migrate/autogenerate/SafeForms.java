package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.dialect.Dialect;
import dev.migrate.op.CheckConstraint;
import dev.migrate.op.ForeignKey;
import dev.migrate.op.Operation;

/**
 * Autogenerate's changes in the forms that keep a PostgreSQL database serving while they run. What must not hold
 * its lock for a whole table scan or index build moves into a follow-up revision that is non-transactional, so that
 * each of its statements commits on its own:
 * <ul>
 * <li>a new index on an existing table is built {@code CONCURRENTLY} there;</li>
 * <li>a new foreign key or check on an existing table is added {@code NOT VALID}, and validated there (a lock that
 * lets reads and writes go on);</li>
 * <li>{@code NOT NULL} on an existing column becomes a {@code CHECK (col IS NOT NULL) NOT VALID}, then, there, its
 * validation, {@code SET NOT NULL} (proven from the check without a scan) and the check's drop.</li>
 * </ul>
 * Tables the same revision creates are empty and left as they are.
 */
public final class SafeForms {

    /** The changes of the revision, and those of its follow-up (empty when none is needed). */
    public record Split(List<Change> revision, List<Change> followUp) {
    }

    private final Dialect dialect;

    public SafeForms(Dialect dialect) {
        this.dialect = dialect;
    }

    public Split split(List<Change> changes) {
        Set<String> created = new HashSet<>();
        Set<String> uniqueIndexed = new HashSet<>();
        for (Change change : changes) {
            for (Operation op : change.upgrade()) {
                if (op instanceof Operation.CreateTable table) {
                    created.add(table.name());
                }
            }
        }
        for (Change change : changes) {
            if (movesIndex(change, created) && ((Operation.CreateIndex) change.upgrade().get(0)).unique()) {
                Operation.CreateIndex index = (Operation.CreateIndex) change.upgrade().get(0);
                uniqueIndexed.add(index.table() + ":" + new HashSet<>(index.parts().stream()
                        .map(Operation.IndexPart::column).toList()));
            }
        }
        List<Change> revision = new ArrayList<>();
        // The follow-up in the order that lets each part be run again after a failure: index builds, constraints
        // that need those indexes, validations, then SET NOT NULL and the checks' drops.
        List<Change> builds = new ArrayList<>();
        List<Change> lateAdds = new ArrayList<>();
        List<Change> validations = new ArrayList<>();
        List<Change> notNulls = new ArrayList<>();
        List<Change> drops = new ArrayList<>();
        for (Change change : changes) {
            Operation operation = change.upgrade().size() == 1 ? change.upgrade().get(0) : null;
            if (movesIndex(change, created)) {
                Operation.CreateIndex index = (Operation.CreateIndex) operation;
                builds.add(new Change(change.phase(), change.description(), List.of(new Operation.CreateIndex(
                        index.schema(), index.table(), index.name(), index.parts(), index.unique(), index.where(), true,
                        true)), List.of(new Operation.DropIndex(index.schema(), index.name(), index.table(), true,
                                true)), note(change, "built CONCURRENTLY in this non-transactional revision, so that "
                                        + "writes to " + index.table() + " go on while it builds")));
            }
            else if (operation instanceof Operation.AddConstraint add && !created.contains(add.table())
                    && (add.constraint() instanceof ForeignKey || add.constraint() instanceof CheckConstraint)
                    && constraintName(add) != null && dialect.render(add).size() == 1) {
                String name = constraintName(add);
                boolean needsIndex = add.constraint() instanceof ForeignKey fk
                        && uniqueIndexed.contains(fk.referencedTable() + ":" + new HashSet<>(fk.referencedColumns()));
                if (needsIndex) {
                    // In the follow-up, after the index it needs; dropped first, so that a run again after a failure
                    // further on does not trip on it.
                    lateAdds.add(new Change(change.phase(), change.description(), List.of(execute("ALTER TABLE "
                            + dialect.qualify(add.schema(), add.table()) + " DROP CONSTRAINT IF EXISTS "
                            + dialect.quote(name)), notValid(add)), change.downgrade(), note(change, "added NOT VALID "
                                    + "once the unique index it refers to is built, then validated without blocking "
                                    + "reads and writes")));
                }
                else {
                    revision.add(new Change(change.phase(), change.description(), List.of(notValid(add)),
                            change.downgrade(), note(change, "added NOT VALID; the follow-up revision validates it "
                                    + "without blocking reads and writes")));
                }
                validations.add(new Change(change.phase(), "validate " + name + " on " + add.table(), List.of(
                        execute("ALTER TABLE " + dialect.qualify(add.schema(), add.table()) + " VALIDATE CONSTRAINT "
                                + dialect.quote(name))), List.of(), null));
            }
            else if (operation instanceof Operation.AlterColumn alter && Boolean.FALSE.equals(alter.nullable())
                    && !created.contains(alter.table())) {
                splitNotNull(change, alter, revision, validations, notNulls, drops);
            }
            else {
                revision.add(change);
            }
        }
        List<Change> followUp = new ArrayList<>();
        for (List<Change> part : List.of(builds, lateAdds, validations, notNulls, drops)) {
            followUp.addAll(part);
        }
        return new Split(revision, followUp);
    }

    private static boolean movesIndex(Change change, Set<String> created) {
        return change.upgrade().size() == 1 && change.upgrade().get(0) instanceof Operation.CreateIndex index
                && !index.concurrently() && !created.contains(index.table());
    }

    /** NOT NULL by way of a validated check, so that no statement scans the table under its strongest lock. */
    private void splitNotNull(Change change, Operation.AlterColumn alter, List<Change> revision,
            List<Change> validations, List<Change> notNulls, List<Change> drops) {
        String table = dialect.qualify(alter.schema(), alter.table());
        String column = alter.newName() != null ? alter.newName() : alter.column();
        String check = dialect.quote(shortName(alter.table() + "_" + column + "_not_null"));
        List<Operation> upgrade = new ArrayList<>();
        if (alter.type() != null || alter.changeDefault() || alter.newName() != null || alter.changeComment()) {
            upgrade.add(new Operation.AlterColumn(alter.schema(), alter.table(), alter.column(), alter.type(),
                    alter.using(), null, alter.changeDefault(), alter.defaultSql(), alter.newName(),
                    alter.changeComment(), alter.comment()));
        }
        upgrade.add(execute("ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + dialect.quote(column)
                + " IS NOT NULL) NOT VALID"));
        List<Operation> downgrade = new ArrayList<>();
        downgrade.add(execute("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + check));
        downgrade.addAll(change.downgrade());
        revision.add(new Change(change.phase(), change.description(), upgrade, downgrade, note(change,
                "NOT NULL comes as a NOT VALID check; the follow-up revision validates it, sets NOT NULL without a scan "
                        + "(PostgreSQL 12 and later) and drops the check")));
        validations.add(new Change(change.phase(), "validate the not-null check of " + alter.table() + "." + column,
                List.of(execute("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check)), List.of(), null));
        notNulls.add(new Change(change.phase(), "set " + alter.table() + "." + column + " NOT NULL",
                List.of(new Operation.AlterColumn(alter.schema(), alter.table(), column, null, null, false, false,
                        null, null, false, null)),
                List.of(new Operation.AlterColumn(alter.schema(), alter.table(), column, null, null, true, false, null,
                        null, false, null)), null));
        drops.add(new Change(change.phase(), "drop the not-null check of " + alter.table() + "." + column,
                List.of(execute("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + check)), List.of(), null));
    }

    private Operation notValid(Operation.AddConstraint add) {
        return execute(dialect.render(add).get(0) + " NOT VALID");
    }

    private static String constraintName(Operation.AddConstraint add) {
        if (add.constraint() instanceof ForeignKey fk) {
            return fk.name();
        }
        return ((CheckConstraint) add.constraint()).name();
    }

    private static Operation execute(String sql) {
        return new Operation.Execute(sql, List.of());
    }

    private static String note(Change change, String why) {
        return change.hint() == null ? "safe form: " + why : change.hint() + "; safe form: " + why;
    }

    /** PostgreSQL keeps 63 bytes of a name. */
    private static String shortName(String name) {
        return name.length() <= 63 ? name : name.substring(0, 63);
    }
}
