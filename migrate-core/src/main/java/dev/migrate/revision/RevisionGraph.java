package dev.migrate.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revisions and the directed acyclic graph their parents and dependencies form. Pure logic, no I/O:
 * built once from the revisions found at start-up, validated, then asked questions.
 *
 * <p>Internally each revision is a dense integer index so that the graph questions asked at every start
 * (ancestors, descendants, heads of a set) are array and bit-set operations.
 */
public final class RevisionGraph {

    private final Revision[] revisions;
    private final Map<String, Integer> indexById;
    private final Map<String, Integer> indexByLabel;
    /** Parent edges only: the revision's own lineage. */
    private final int[][] parents;
    private final int[][] children;
    /** Parents and dependencies together, without repeats: everything that must be applied first. */
    private final int[][] prerequisites;
    private final int[][] dependents;
    /** Position of each revision in one deterministic topological order (ancestors first). */
    private final int[] order;
    private final int[] byOrder;

    /** The labels each revision is shown with, worked out on first use. */
    private volatile List<String>[] shownLabels;

    private RevisionGraph(Revision[] revisions, Map<String, Integer> indexById, Map<String, Integer> indexByLabel,
            int[][] parents, int[][] prerequisites) {
        this.revisions = revisions;
        this.indexById = indexById;
        this.indexByLabel = indexByLabel;
        this.parents = parents;
        this.prerequisites = prerequisites;
        this.children = invert(parents);
        this.dependents = invert(prerequisites);
        this.byOrder = canonicalOrder();
        this.order = new int[revisions.length];
        for (int position = 0; position < byOrder.length; position++) {
            order[byOrder[position]] = position;
        }
    }

    /**
     * Validates the revisions and builds their graph.
     *
     * @throws RevisionGraphException listing every problem found, each naming the revisions involved
     */
    public static RevisionGraph of(Collection<Revision> revisionSet) {
        List<String> problems = new ArrayList<>();
        Revision[] revisions = revisionSet.stream()
                .sorted(Comparator.comparing(Revision::id))
                .toArray(Revision[]::new);
        Map<String, Integer> indexById = new HashMap<>(revisions.length * 2);
        for (int i = 0; i < revisions.length; i++) {
            Revision revision = revisions[i];
            String problem = Revision.problemWithId(revision.id());
            if (problem != null) {
                problems.add("revision id '" + revision.id() + "' in " + revision.origin() + " is not valid: " + problem + ".");
            }
            Integer previous = indexById.putIfAbsent(revision.id(), i);
            if (previous != null) {
                problems.add("revision id '" + revision.id() + "' is defined twice: in "
                        + revisions[previous].origin() + " and in " + revision.origin() + ".");
            }
        }
        Map<String, Integer> indexByLabel = new HashMap<>();
        for (Revision revision : revisions) {
            for (String label : revision.branchLabels()) {
                String problem = Revision.problemWithName(label);
                if (problem != null) {
                    problems.add("branch label '" + label + "' of revision '" + revision.id() + "' is not valid: " + problem + ".");
                }
                else if (indexById.containsKey(label)) {
                    problems.add("branch label '" + label + "' of revision '" + revision.id()
                            + "' is also the id of a revision.");
                }
                Integer previous = indexByLabel.putIfAbsent(label, indexById.get(revision.id()));
                if (previous != null && !revisions[previous].id().equals(revision.id())) {
                    problems.add("branch label '" + label + "' is used by both '" + revisions[previous].id()
                            + "' and '" + revision.id() + "'.");
                }
            }
        }
        int[][] parents = new int[revisions.length][];
        int[][] prerequisites = new int[revisions.length][];
        for (int i = 0; i < revisions.length; i++) {
            Revision revision = revisions[i];
            // Parents first, then dependencies; each index once, in the order given.
            int[] before = new int[revision.parents().size() + revision.dependsOn().size()];
            int parentCount = 0;
            int count = 0;
            for (String parent : revision.parents()) {
                Integer p = indexById.get(parent);
                if (p == null) {
                    problems.add("revision '" + revision.id() + "' (" + revision.origin() + ") names parent '" + parent
                            + "', which does not exist.");
                }
                else if (indexOf(before, count, p) < 0) {
                    before[count++] = p;
                    parentCount = count;
                }
            }
            for (String dependency : revision.dependsOn()) {
                Integer d = indexById.containsKey(dependency) ? indexById.get(dependency) : indexByLabel.get(dependency);
                if (d == null) {
                    problems.add("revision '" + revision.id() + "' (" + revision.origin() + ") depends on '" + dependency
                            + "', which is neither a revision nor a branch label.");
                }
                else if (indexOf(before, count, d) < 0) {
                    before[count++] = d;
                }
            }
            parents[i] = Arrays.copyOf(before, parentCount);
            prerequisites[i] = Arrays.copyOf(before, count);
        }
        if (problems.isEmpty()) {
            String cycle = findCycle(revisions, prerequisites);
            if (cycle != null) {
                problems.add("the revisions form a cycle through their parents and dependencies: " + cycle + ".");
            }
        }
        if (!problems.isEmpty()) {
            throw new RevisionGraphException(problems);
        }
        return new RevisionGraph(revisions, indexById, indexByLabel, parents, prerequisites);
    }

    private static int indexOf(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** An iterative depth-first search (graphs can be 100,000 revisions deep) that names one cycle. */
    private static String findCycle(Revision[] revisions, int[][] edges) {
        int n = revisions.length;
        byte[] state = new byte[n]; // 0 unseen, 1 on the current path, 2 done
        int[] stack = new int[n];
        int[] next = new int[n];
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            int depth = 0;
            stack[0] = start;
            next[0] = 0;
            state[start] = 1;
            while (depth >= 0) {
                int node = stack[depth];
                if (next[depth] < edges[node].length) {
                    int target = edges[node][next[depth]++];
                    if (state[target] == 1) {
                        int from = depth;
                        while (stack[from] != target) {
                            from--;
                        }
                        List<String> path = new ArrayList<>();
                        for (int k = from; k <= depth; k++) {
                            path.add(revisions[stack[k]].id());
                        }
                        path.add(revisions[target].id());
                        return String.join(" -> ", path);
                    }
                    if (state[target] == 0) {
                        state[target] = 1;
                        depth++;
                        stack[depth] = target;
                        next[depth] = 0;
                    }
                }
                else {
                    state[node] = 2;
                    depth--;
                }
            }
        }
        return null;
    }

    private static int[][] invert(int[][] edges) {
        int[] counts = new int[edges.length];
        for (int[] targets : edges) {
            for (int target : targets) {
                counts[target]++;
            }
        }
        int[][] inverted = new int[edges.length][];
        for (int i = 0; i < edges.length; i++) {
            inverted[i] = new int[counts[i]];
        }
        int[] filled = new int[edges.length];
        for (int source = 0; source < edges.length; source++) {
            for (int target : edges[source]) {
                inverted[target][filled[target]++] = source;
            }
        }
        return inverted;
    }

    /**
     * Post-order from every revision that nothing depends on, in id order, visiting parents before dependencies:
     * deterministic, and it keeps a branch's revisions together.
     */
    private int[] canonicalOrder() {
        BitSet all = new BitSet(revisions.length);
        all.set(0, revisions.length);
        return topologicalOrder(all);
    }

    /**
     * The members of {@code members} in an order where every revision comes after its prerequisites that are
     * also members. Deterministic: the same set always gives the same order.
     */
    int[] topologicalOrder(BitSet members) {
        int[] result = new int[members.cardinality()];
        int count = 0;
        BitSet visited = new BitSet(revisions.length);
        int[] stack = new int[Math.max(1, result.length)];
        int[] next = new int[stack.length];
        List<Integer> roots = new ArrayList<>();
        for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
            boolean hasMemberDependent = false;
            for (int d : dependents[i]) {
                if (members.get(d)) {
                    hasMemberDependent = true;
                    break;
                }
            }
            if (!hasMemberDependent) {
                roots.add(i);
            }
        }
        for (int root : roots) {
            if (visited.get(root)) {
                continue;
            }
            int depth = 0;
            stack[0] = root;
            next[0] = 0;
            visited.set(root);
            while (depth >= 0) {
                int node = stack[depth];
                int[] before = prerequisites[node];
                if (next[depth] < before.length) {
                    int p = before[next[depth]++];
                    if (members.get(p) && !visited.get(p)) {
                        visited.set(p);
                        depth++;
                        stack[depth] = p;
                        next[depth] = 0;
                    }
                }
                else {
                    result[count++] = node;
                    depth--;
                }
            }
        }
        return result;
    }

    // ---- lookups ------------------------------------------------------------------------------------------

    /** Number of revisions. */
    public int size() {
        return revisions.length;
    }

    /** The revision with exactly this id, or {@code null}. */
    public Revision get(String id) {
        Integer index = indexById.get(id);
        return index == null ? null : revisions[index];
    }

    /** Every revision, ancestors before descendants, in the graph's deterministic order. */
    public List<Revision> revisions() {
        return toRevisions(byOrder);
    }

    Revision revision(int index) {
        return revisions[index];
    }

    Integer indexOf(String id) {
        return indexById.get(id);
    }

    Integer indexOfLabel(String label) {
        return indexByLabel.get(label);
    }

    /** Ids that start with {@code prefix}, in id order (revisions are held sorted by id, so a binary search finds them). */
    List<Integer> indexesWithPrefix(String prefix) {
        int low = 0;
        int high = revisions.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (revisions[middle].id().compareTo(prefix) < 0) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        List<Integer> matches = new ArrayList<>();
        for (int i = low; i < revisions.length && revisions[i].id().startsWith(prefix); i++) {
            matches.add(i);
        }
        return matches;
    }

    int[] parentsOf(int index) {
        return parents[index];
    }

    int[] childrenOf(int index) {
        return children[index];
    }

    int[] prerequisitesOf(int index) {
        return prerequisites[index];
    }

    int[] dependentsOf(int index) {
        return dependents[index];
    }

    int position(int index) {
        return order[index];
    }

    // ---- structure ----------------------------------------------------------------------------------------

    /**
     * Revisions that no other revision names as a parent (Alembic's heads). A revision that others only depend
     * on is still a head: it ends its own branch.
     */
    public List<Revision> heads() {
        return select(i -> children[i].length == 0);
    }

    /** Revisions without parents. */
    public List<Revision> bases() {
        return select(i -> parents[i].length == 0);
    }

    /** Revisions that two or more revisions name as their parent. */
    public List<Revision> branchPoints() {
        return select(i -> children[i].length > 1);
    }

    /** Revisions with two or more parents. */
    public List<Revision> mergePoints() {
        return select(i -> parents[i].length > 1);
    }

    public boolean isHead(Revision revision) {
        return children[index(revision)].length == 0;
    }

    public boolean isBranchPoint(Revision revision) {
        return children[index(revision)].length > 1;
    }

    /** Revisions whose parent is this one. */
    public List<Revision> childrenOf(Revision revision) {
        return toRevisions(children[index(revision)]);
    }

    /**
     * The revisions a branch label covers, as Alembic defines it: the labelled revision, all its descendants, and
     * its ancestors back to (not including) the previous branch point.
     *
     * @throws ResolutionException when no revision carries the label
     */
    public List<Revision> labelCovers(String label) {
        Integer labelled = indexByLabel.get(label);
        if (labelled == null) {
            throw ResolutionException.noSuchRevision(label);
        }
        return toRevisions(bits(branchOf(labelled)));
    }

    BitSet branchOf(int labelled) {
        BitSet covered = descendantsOrSelf(single(labelled), children);
        int node = labelled;
        while (parents[node].length == 1 && children[parents[node][0]].length == 1) {
            node = parents[node][0];
            covered.set(node);
        }
        return covered;
    }

    /**
     * The branch labels a revision is shown with, as Alembic shows them: every label whose branch covers it (its
     * own, those of the branches it descends from, and those of the branch it leads into up to the next branch or
     * merge point), in alphabetical order.
     */
    public List<String> labelsOf(Revision revision) {
        List<String>[] labels = shownLabels;
        if (labels == null) {
            labels = computeShownLabels();
            shownLabels = labels;
        }
        return labels[index(revision)];
    }

    @SuppressWarnings("unchecked")
    private List<String>[] computeShownLabels() {
        List<String>[] labels = new List[revisions.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = new ArrayList<>();
        }
        List<String> names = new ArrayList<>(indexByLabel.keySet());
        java.util.Collections.sort(names);
        for (String label : names) {
            BitSet covered = branchOf(indexByLabel.get(label));
            for (int i = covered.nextSetBit(0); i >= 0; i = covered.nextSetBit(i + 1)) {
                labels[i].add(label);
            }
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = List.copyOf(labels[i]);
        }
        return labels;
    }

    /** A head that other revisions depend on: Alembic's "effective head", applied as a dependency of theirs. */
    public boolean isEffectiveHead(Revision revision) {
        int i = index(revision);
        return children[i].length == 0 && dependents[i].length > 0;
    }

    /** Every revision that must be applied before this one: parents, dependencies, and theirs. */
    public List<Revision> ancestors(Revision revision) {
        BitSet set = ancestorsOrSelf(single(index(revision)));
        set.clear(index(revision));
        return toRevisions(bits(set));
    }

    /** Every revision that must be unapplied before this one can be: children, dependents, and theirs. */
    public List<Revision> descendants(Revision revision) {
        BitSet set = descendantsOrSelf(single(index(revision)), dependents);
        set.clear(index(revision));
        return toRevisions(bits(set));
    }

    BitSet ancestorsOrSelf(BitSet start) {
        return closure(start, prerequisites);
    }

    BitSet lineageAncestorsOrSelf(BitSet start) {
        return closure(start, parents);
    }

    BitSet descendantsOrSelf(BitSet start, int[][] edges) {
        return closure(start, edges);
    }

    BitSet allDescendantsOrSelf(BitSet start) {
        return closure(start, dependents);
    }

    BitSet lineageDescendantsOrSelf(BitSet start) {
        return closure(start, children);
    }

    private BitSet closure(BitSet start, int[][] edges) {
        BitSet seen = (BitSet) start.clone();
        int[] queue = new int[revisions.length];
        int tail = 0;
        for (int i = start.nextSetBit(0); i >= 0; i = start.nextSetBit(i + 1)) {
            queue[tail++] = i;
        }
        for (int head = 0; head < tail; head++) {
            for (int next : edges[queue[head]]) {
                if (!seen.get(next)) {
                    seen.set(next);
                    queue[tail++] = next;
                }
            }
        }
        return seen;
    }

    /**
     * The members of a set that no other member depends on. For an applied set these are exactly the rows the
     * version table holds.
     */
    int[] topsOf(BitSet members) {
        List<Integer> tops = new ArrayList<>();
        for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
            boolean covered = false;
            for (int d : dependents[i]) {
                if (members.get(d)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                tops.add(i);
            }
        }
        return sortByOrder(tops.stream().mapToInt(Integer::intValue).toArray());
    }

    int[] sortByOrder(int[] indexes) {
        return Arrays.stream(indexes).boxed()
                .sorted(Comparator.comparingInt(i -> order[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    static BitSet single(int index) {
        BitSet set = new BitSet();
        set.set(index);
        return set;
    }

    int[] bits(BitSet set) {
        int[] result = new int[set.cardinality()];
        int k = 0;
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            result[k++] = i;
        }
        return sortByOrder(result);
    }

    List<Revision> toRevisions(int[] indexes) {
        List<Revision> result = new ArrayList<>(indexes.length);
        for (int index : indexes) {
            result.add(revisions[index]);
        }
        return List.copyOf(result);
    }

    List<String> ids(int[] indexes) {
        List<String> result = new ArrayList<>(indexes.length);
        for (int index : indexes) {
            result.add(revisions[index].id());
        }
        return List.copyOf(result);
    }

    private int index(Revision revision) {
        Integer index = indexById.get(revision.id());
        if (index == null || revisions[index] != revision && !revisions[index].equals(revision)) {
            throw new IllegalArgumentException("Revision '" + revision.id() + "' is not part of this graph");
        }
        return index;
    }

    private List<Revision> select(java.util.function.IntPredicate predicate) {
        List<Revision> result = new ArrayList<>();
        for (int index : byOrder) {
            if (predicate.test(index)) {
                result.add(revisions[index]);
            }
        }
        return List.copyOf(result);
    }

    /** Applied set from version-table rows; fails naming rows the graph does not know. */
    BitSet appliedFromRows(Collection<String> rows) {
        BitSet start = new BitSet(revisions.length);
        Set<String> unknown = new LinkedHashSet<>();
        for (String row : rows) {
            Integer index = indexById.get(row);
            if (index == null) {
                unknown.add(row);
            }
            else {
                start.set(index);
            }
        }
        if (!unknown.isEmpty()) {
            throw ResolutionException.unknownCurrent(unknown);
        }
        return ancestorsOrSelf(start);
    }
}
