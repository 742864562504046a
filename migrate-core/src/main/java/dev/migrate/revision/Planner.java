package dev.migrate.revision;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Turns a target into a plan: which revisions to apply or unapply, in which order, and what each step does to
 * the version table. Upgrades apply every missing ancestor and dependency first; downgrades unapply every
 * applied descendant first. Pure logic over a {@link RevisionGraph}; the same input always gives the same plan.
 */
public final class Planner {

    private final RevisionGraph graph;

    public Planner(RevisionGraph graph) {
        this.graph = graph;
    }

    public RevisionGraph graph() {
        return graph;
    }

    /**
     * The plan that brings a database at {@code currentRows} up to {@code target}. Nothing is ever unapplied.
     */
    public Plan upgrade(Collection<String> currentRows, String target) {
        State state = checkedState(currentRows);
        Target parsed = Target.parse(target);
        Target walk = parsed instanceof Target.OnBranch onBranch ? onBranch.target() : parsed;
        if (walk instanceof Target.Relative relative && relative.anchor() == null && relative.steps() < 0) {
            throw ResolutionException.invalidTarget(parsed.text(),
                    "an upgrade cannot move down; use downgrade '" + parsed.text() + "'");
        }
        BitSet reach = upgradeTargets(parsed, state);
        BitSet to = graph.ancestorsOrSelf(reach);
        to.or(state.applied);
        if (walk instanceof Target.Relative relative && fromCurrent(relative)) {
            requireExactly(parsed.text(), relative.steps(), state.applied, to);
        }
        return plan(state.applied, to);
    }

    /**
     * A walk from the database's current revision ({@code +N}, {@code -N}, {@code current+N}, or the same within a
     * branch) moves exactly N revisions, or is refused: it must never run a revision the user did not count.
     */
    private static boolean fromCurrent(Target.Relative relative) {
        return relative.anchor() == null || relative.anchor() instanceof Target.Current;
    }

    /** Refuses an upgrade walk whose target needs revisions besides the N it walked over (dependencies). */
    private void requireExactly(String text, int steps, BitSet from, BitSet to) {
        BitSet added = (BitSet) to.clone();
        added.andNot(from);
        if (added.cardinality() != steps) {
            throw ResolutionException.relativeCountDiffers(text, steps, graph.ids(graph.bits(added)));
        }
    }

    /**
     * The plan that brings a database at {@code currentRows} down to {@code target}: every applied revision that
     * follows the target through parents is unapplied, with everything that depends on those, dependents first.
     * A revision that only depends on the target itself stays, since the target stays. {@code <label>@<rev>} only
     * touches that branch.
     */
    public Plan downgrade(Collection<String> currentRows, String target) {
        State state = checkedState(currentRows);
        BitSet remove = downgradeRemovals(Target.parse(target), state);
        BitSet to = (BitSet) state.applied.clone();
        to.andNot(remove);
        return plan(state.applied, to);
    }

    /** The plan from one set of version-table rows to another, unapplying first, then applying. */
    public Plan between(Collection<String> fromRows, Collection<String> toRows) {
        return plan(state(fromRows).applied, state(toRows).applied);
    }

    /**
     * The revisions a target names, for commands that show rather than move ({@code show}, history ranges).
     * {@code base} names none.
     */
    public List<Revision> resolve(String target, Collection<String> currentRows) {
        return graph.toRevisions(graph.bits(upgradeTargets(Target.parse(target), state(currentRows))));
    }

    /**
     * The version-table rows after {@code stamp target}, as Alembic computes them: rows on the target's lineage
     * (its ancestors or descendants, through parents and dependencies alike) give way to the target, rows on
     * unrelated branches stay; {@code base} empties the table, and {@code purge} starts from an empty table.
     */
    public List<String> stampRows(Collection<String> currentRows, String target, boolean purge) {
        Target parsed = Target.parse(target);
        BitSet targets = parsed instanceof Target.Base ? new BitSet() : upgradeTargets(parsed, state(purge ? List.of()
                : currentRows));
        if (parsed instanceof Target.Base) {
            return List.of();
        }
        BitSet keep = new BitSet();
        if (!purge) {
            BitSet related = graph.ancestorsOrSelf(targets);
            related.or(graph.allDescendantsOrSelf(targets));
            BitSet rows = bitsOf(state(currentRows).rows);
            rows.andNot(related);
            keep.or(rows);
        }
        keep.or(targets);
        return graph.ids(graph.topsOf(graph.ancestorsOrSelf(keep)));
    }

    /**
     * The branch heads of what is applied: the applied revisions no applied revision follows through its parents (one
     * that others only depend on included), in the graph's order. What Alembic's {@code current} lists.
     */
    public List<Revision> appliedHeads(Collection<String> rows) {
        BitSet applied = state(rows).applied;
        List<Revision> heads = new ArrayList<>();
        for (Revision revision : graph.toRevisions(graph.topologicalOrder(applied))) {
            boolean followed = false;
            for (int child : graph.childrenOf(graph.indexOf(revision.id()))) {
                followed |= applied.get(child);
            }
            if (!followed) {
                heads.add(revision);
            }
        }
        return heads;
    }

    /** Every revision applied when the version table holds {@code rows}, in apply order. */
    public List<Revision> applied(Collection<String> rows) {
        return graph.toRevisions(graph.topologicalOrder(state(rows).applied));
    }

    /** The version-table rows that represent exactly the given applied revisions and their ancestors. */
    public List<String> rowsFor(Collection<String> revisions) {
        return graph.ids(graph.topsOf(state(revisions).applied));
    }

    /**
     * The revisions of a {@code start:end} range (either end may be left out: base and heads), newest first,
     * each marked as head, branch point, merge point, and whether the database at {@code currentRows} has it.
     */
    public List<HistoryEntry> history(String range, Collection<String> currentRows) {
        State state = state(currentRows);
        Target.Range parsed = range == null || range.isBlank() ? new Target.Range("", null, null) : Target.parseRange(range);
        BitSet members;
        if (parsed.start() == null) {
            members = new BitSet();
            members.set(0, graph.size());
        }
        else {
            members = graph.lineageDescendantsOrSelf(upgradeTargets(parsed.start(), state));
        }
        if (parsed.end() != null) {
            members.and(graph.lineageAncestorsOrSelf(upgradeTargets(parsed.end(), state)));
        }
        BitSet rows = bitsOf(state.rows);
        int[] ordered = graph.topologicalOrder(members);
        List<HistoryEntry> entries = new ArrayList<>(ordered.length);
        for (int k = ordered.length - 1; k >= 0; k--) {
            int i = ordered[k];
            entries.add(new HistoryEntry(graph.revision(i), graph.childrenOf(i).length == 0,
                    graph.childrenOf(i).length > 1, graph.parentsOf(i).length > 1, rows.get(i), state.applied.get(i)));
        }
        return entries;
    }

    // ---- upgrade targets ----------------------------------------------------------------------------------

    private BitSet upgradeTargets(Target target, State state) {
        if (target instanceof Target.Heads) {
            // Alembic's "heads" leaves out the heads others only depend on: they come with whatever needs them.
            return bitsOf(graph.ids(allHeads()));
        }
        if (target instanceof Target.Head) {
            return RevisionGraph.single(singleHead(target.text(), allHeads()));
        }
        if (target instanceof Target.Base) {
            return new BitSet();
        }
        if (target instanceof Target.Current) {
            return bitsOf(state.rows);
        }
        if (target instanceof Target.Ref ref) {
            return RevisionGraph.single(lookup(ref.name()));
        }
        if (target instanceof Target.Relative relative) {
            return landing(relative, state, null, null).revisions();
        }
        return branchTargets((Target.OnBranch) target, state);
    }

    private BitSet branchTargets(Target.OnBranch onBranch, State state) {
        int labelled = lookup(onBranch.branch());
        BitSet covered = graph.branchOf(labelled);
        Target inner = onBranch.target();
        if (inner instanceof Target.Heads) {
            return headsFrom(labelled);
        }
        if (inner instanceof Target.Head) {
            return RevisionGraph.single(singleHead(onBranch.text(), graph.bits(headsFrom(labelled))));
        }
        if (inner instanceof Target.Base) {
            return bottomsOf(covered);
        }
        if (inner instanceof Target.Current) {
            BitSet rows = bitsOf(state.rows);
            rows.and(covered);
            return rows;
        }
        if (inner instanceof Target.Ref ref) {
            int index = lookup(ref.name());
            if (!covered.get(index)) {
                throw ResolutionException.notABranch(onBranch.branch(), graph.revision(index).id());
            }
            return RevisionGraph.single(index);
        }
        if (inner instanceof Target.Relative relative) {
            return landing(relative, state, covered, onBranch).revisions();
        }
        throw ResolutionException.invalidTarget(onBranch.text(), "only one '@' is allowed");
    }

    // ---- downgrade removals -------------------------------------------------------------------------------

    private BitSet downgradeRemovals(Target target, State state) {
        if (target instanceof Target.Base) {
            return (BitSet) state.applied.clone();
        }
        if (target instanceof Target.OnBranch onBranch) {
            return branchRemovals(onBranch, state);
        }
        if (target instanceof Target.Relative relative) {
            if (relative.steps() > 0 && relative.anchor() == null) {
                throw ResolutionException.invalidTarget(target.text(),
                        "a downgrade cannot move up; use upgrade '" + target.text() + "'");
            }
            Landing landing = landing(relative, state, null, null);
            return fromCurrent(relative) ? walkedOver(target.text(), landing, state)
                    : removalsAbove(target.text(), landing, state, null);
        }
        return removalsAbove(target.text(), Landing.at(upgradeTargets(target, state)), state, null);
    }

    /**
     * What a downward walk from the current revision undoes: exactly the revisions it stepped over. When undoing
     * them would also undo others (a revision on another branch that follows or depends on one of them), there is
     * no plan: the user counted N revisions, and more would go.
     */
    private BitSet walkedOver(String text, Landing landing, State state) {
        BitSet path = landing.path();
        BitSet others = graph.allDescendantsOrSelf(path);
        others.and(state.applied);
        others.andNot(path);
        if (!others.isEmpty()) {
            throw ResolutionException.walkWouldUndoMore(text, graph.ids(graph.bits(path)),
                    graph.ids(graph.bits(others)));
        }
        return path;
    }

    private BitSet branchRemovals(Target.OnBranch onBranch, State state) {
        int labelled = lookup(onBranch.branch());
        BitSet covered = graph.branchOf(labelled);
        Target inner = onBranch.target();
        if (inner instanceof Target.Base) {
            BitSet remove = graph.allDescendantsOrSelf(covered);
            remove.and(state.applied);
            return remove;
        }
        if (inner instanceof Target.Relative relative && relative.steps() > 0 && relative.anchor() == null) {
            throw ResolutionException.invalidTarget(onBranch.text(), "a downgrade cannot move up; use upgrade '"
                    + onBranch.text() + "'");
        }
        Landing keep;
        if (inner instanceof Target.Ref ref) {
            // The branch point itself is a valid target although the label does not cover it.
            keep = Landing.at(RevisionGraph.single(lookup(ref.name())));
        }
        else if (inner instanceof Target.Relative relative) {
            keep = landing(relative, state, covered, onBranch);
            if (fromCurrent(relative)) {
                return walkedOver(onBranch.text(), keep, state);
            }
        }
        else {
            keep = Landing.at(branchTargets(onBranch, state));
        }
        return removalsAbove(onBranch.text(), keep, state, covered);
    }

    /**
     * Applied revisions above {@code keep}: its strict descendants (limited to a branch when one is given) and
     * everything that depends on them. A walk that ended below a lineage's base removes that whole lineage.
     */
    private BitSet removalsAbove(String text, Landing landing, State state, BitSet branch) {
        BitSet keep = landing.revisions();
        for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
            if (!state.applied.get(i)) {
                throw ResolutionException.notApplied(text, graph.revision(i).id(), state.rows);
            }
        }
        BitSet above;
        if (landing.belowRoot() >= 0) {
            above = graph.lineageDescendantsOrSelf(RevisionGraph.single(landing.belowRoot()));
        }
        else {
            above = graph.lineageDescendantsOrSelf(keep);
            above.andNot(keep);
        }
        if (branch != null) {
            above.and(branch);
        }
        BitSet remove = graph.allDescendantsOrSelf(above);
        remove.andNot(graph.ancestorsOrSelf(keep));
        remove.and(state.applied);
        return remove;
    }

    // ---- relative walks -----------------------------------------------------------------------------------

    /**
     * Where a walk ends: one revision, or none when a downward walk went below base, in which case
     * {@code belowRoot} is the base it went below (else -1). {@code path} holds the revisions a downward walk
     * stepped off (empty for other landings).
     */
    private record Landing(BitSet revisions, int belowRoot, BitSet path) {

        static Landing at(BitSet revisions) {
            return new Landing(revisions, -1, new BitSet());
        }
    }

    /**
     * Where a relative target lands: one revision, or nothing when a downward walk ends below base. Walks
     * restricted to a branch stay on that branch; every step must be unambiguous.
     */
    private Landing landing(Target.Relative relative, State state, BitSet branch, Target.OnBranch onBranch) {
        String text = onBranch != null ? onBranch.text() : relative.text();
        Integer from = anchor(relative, state, branch, onBranch, text);
        return relative.steps() > 0 ? walkUp(text, from, relative.steps(), branch)
                : walkDown(text, from, -relative.steps(), branch);
    }

    /** The anchor of a walk, or {@code null} for "below base". */
    private Integer anchor(Target.Relative relative, State state, BitSet branch, Target.OnBranch onBranch, String text) {
        Target anchor = relative.anchor();
        if (anchor == null || anchor instanceof Target.Current) {
            BitSet rows = bitsOf(state.rows);
            if (branch != null) {
                BitSet appliedInBranch = (BitSet) state.applied.clone();
                appliedInBranch.and(branch);
                rows = bitsOf(graph.ids(graph.topsOf(appliedInBranch)));
            }
            if (rows.cardinality() > 1) {
                throw ResolutionException.ambiguousCurrent(text, relative.steps() > 0, graph.ids(graph.bits(rows)));
            }
            return rows.isEmpty() ? null : rows.nextSetBit(0);
        }
        if (anchor instanceof Target.Base) {
            return null;
        }
        if (anchor instanceof Target.Heads) {
            throw ResolutionException.invalidTarget(text, "a relative step needs one revision to start from, not 'heads'");
        }
        BitSet resolved = onBranch != null
                ? branchTargets(new Target.OnBranch(text, onBranch.branch(), anchor), state)
                : upgradeTargets(anchor, state);
        return resolved.nextSetBit(0);
    }

    private Landing walkUp(String text, Integer from, int steps, BitSet branch) {
        Integer node = from;
        for (int taken = 0; taken < steps; taken++) {
            BitSet next = new BitSet();
            if (node == null) {
                next = branch != null ? bottomsOf(branch) : indexes(graph.bases());
            }
            else {
                for (int child : graph.childrenOf(node)) {
                    next.set(child);
                }
                if (branch != null) {
                    next.and(branch);
                }
            }
            if (next.isEmpty()) {
                throw ResolutionException.walkedOffTop(text, steps, from == null ? "base"
                        : "'" + graph.revision(from).id() + "'", taken);
            }
            if (next.cardinality() > 1) {
                String at = node == null ? "base" : "'" + graph.revision(node).id() + "'";
                throw ResolutionException.ambiguousWalk(text, at,
                        "is followed by several revisions (" + String.join(", ", graph.ids(graph.bits(next))) + ")");
            }
            node = next.nextSetBit(0);
        }
        return Landing.at(RevisionGraph.single(node));
    }

    private Landing walkDown(String text, Integer from, int steps, BitSet branch) {
        if (from == null) {
            throw ResolutionException.walkedBelowBase(text, steps, "the database", 0);
        }
        int node = from;
        BitSet path = new BitSet();
        for (int taken = 0; taken < steps; taken++) {
            if (branch != null && !branch.get(node)) {
                throw ResolutionException.walkedBelowBase(text, steps, "the branch of '" + graph.revision(from).id()
                        + "'", taken);
            }
            int[] parents = graph.parentsOf(node);
            path.set(node);
            if (parents.length > 1 && taken + 1 == steps) {
                // One step down from a merge lands on all of its parents: the merge is undone.
                BitSet all = new BitSet();
                for (int parent : parents) {
                    all.set(parent);
                }
                return new Landing(all, -1, path);
            }
            if (parents.length > 1) {
                throw ResolutionException.ambiguousWalk(text, "'" + graph.revision(node).id() + "'",
                        "is a merge of " + String.join(", ", graph.ids(graph.sortByOrder(parents))));
            }
            if (parents.length == 0) {
                if (taken + 1 < steps) {
                    throw ResolutionException.walkedBelowBase(text, steps, "'" + graph.revision(from).id() + "'",
                            taken + 1);
                }
                return new Landing(new BitSet(), node, path);
            }
            node = parents[0];
        }
        return new Landing(RevisionGraph.single(node), -1, path);
    }

    // ---- plans --------------------------------------------------------------------------------------------

    private Plan plan(BitSet from, BitSet to) {
        int[] dependentsApplied = new int[graph.size()];
        for (int i = from.nextSetBit(0); i >= 0; i = from.nextSetBit(i + 1)) {
            for (int p : graph.prerequisitesOf(i)) {
                dependentsApplied[p]++;
            }
        }
        BitSet applied = (BitSet) from.clone();
        List<Step> steps = new ArrayList<>();
        BitSet remove = (BitSet) from.clone();
        remove.andNot(to);
        int[] removeOrder = graph.topologicalOrder(remove);
        for (int k = removeOrder.length - 1; k >= 0; k--) {
            int r = removeOrder[k];
            applied.clear(r);
            List<String> inserted = new ArrayList<>();
            for (int p : graph.prerequisitesOf(r)) {
                if (--dependentsApplied[p] == 0 && applied.get(p)) {
                    inserted.add(graph.revision(p).id());
                }
            }
            steps.add(new Step(Direction.DOWNGRADE, graph.revision(r), List.of(graph.revision(r).id()), inserted));
        }
        BitSet add = (BitSet) to.clone();
        add.andNot(from);
        for (int r : graph.topologicalOrder(add)) {
            List<String> deleted = new ArrayList<>();
            for (int p : graph.prerequisitesOf(r)) {
                if (dependentsApplied[p]++ == 0 && applied.get(p)) {
                    deleted.add(graph.revision(p).id());
                }
            }
            applied.set(r);
            steps.add(new Step(Direction.UPGRADE, graph.revision(r), deleted, List.of(graph.revision(r).id())));
        }
        return new Plan(graph.ids(graph.topsOf(from)), graph.ids(graph.topsOf(to)), steps);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private record State(List<String> rows, BitSet applied) {
    }

    private State state(Collection<String> rows) {
        BitSet applied = graph.appliedFromRows(rows);
        return new State(graph.ids(graph.topsOf(applied)), applied);
    }

    /**
     * The state of a database about to be moved: its rows must be exactly the applied revisions nothing applied
     * depends on. A row that is an ancestor of another row never comes from a run (only from a hand edit), and
     * planning from it would leave it behind as a stale row.
     */
    private State checkedState(Collection<String> rows) {
        State state = state(rows);
        if (state.rows().size() != rows.size()) {
            BitSet tops = bitsOf(state.rows());
            for (String row : rows) {
                int index = graph.indexOf(row);
                if (!tops.get(index)) {
                    BitSet above = graph.allDescendantsOrSelf(RevisionGraph.single(index));
                    above.clear(index);
                    above.and(bitsOf(rows));
                    throw ResolutionException.rowsOfOneLineage(graph.ids(graph.bits(bitsOf(rows))), row,
                            graph.ids(graph.bits(above)), state.rows());
                }
            }
        }
        return state;
    }

    private int lookup(String name) {
        Integer exact = graph.indexOf(name);
        if (exact != null) {
            return exact;
        }
        Integer labelled = graph.indexOfLabel(name);
        if (labelled != null) {
            return labelled;
        }
        // As in Alembic, a prefix names a revision from four characters on: a shorter one is too easily mistyped.
        List<Integer> matches = name.length() < 4 ? List.of() : graph.indexesWithPrefix(name);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw ResolutionException.noSuchRevision(name);
        }
        throw ResolutionException.ambiguousPrefix(name,
                matches.stream().limit(10).map(i -> graph.revision(i).id()).toList());
    }

    /** The heads as {@code head} and {@code heads} mean them: those others only depend on left out, as in Alembic. */
    private int[] allHeads() {
        return graph.bits(indexes(graph.heads().stream().filter(head -> !graph.isEffectiveHead(head)).toList()));
    }

    private int singleHead(String argument, int[] heads) {
        if (heads.length != 1) {
            throw new MultipleHeadsException(argument, graph.ids(heads));
        }
        return heads[0];
    }

    private BitSet headsFrom(int labelled) {
        BitSet heads = graph.lineageDescendantsOrSelf(RevisionGraph.single(labelled));
        BitSet result = new BitSet();
        for (int i = heads.nextSetBit(0); i >= 0; i = heads.nextSetBit(i + 1)) {
            if (graph.childrenOf(i).length == 0) {
                result.set(i);
            }
        }
        return result;
    }

    /** Members of a branch whose parents are all outside it: where the branch starts. */
    private BitSet bottomsOf(BitSet branch) {
        BitSet result = new BitSet();
        for (int i = branch.nextSetBit(0); i >= 0; i = branch.nextSetBit(i + 1)) {
            boolean bottom = true;
            for (int p : graph.parentsOf(i)) {
                if (branch.get(p)) {
                    bottom = false;
                    break;
                }
            }
            if (bottom) {
                result.set(i);
            }
        }
        return result;
    }

    private BitSet indexes(List<Revision> revisions) {
        return bitsOf(revisions.stream().map(Revision::id).toList());
    }

    private BitSet bitsOf(Collection<String> ids) {
        BitSet set = new BitSet();
        for (String id : ids) {
            set.set(graph.indexOf(id));
        }
        return set;
    }
}
