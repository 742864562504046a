package dev.migrate.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each command must do, written from Alembic's semantics with plain sets, independently of {@link Planner} and
 * {@link RevisionGraph}: the applied set is the closure of the version rows over parents and (label-resolved)
 * dependencies; the rows are its maximal elements; an upgrade runs the closure of the target minus what is applied;
 * a downgrade to a revision removes what follows it through its children, with everything depending on that; a walk
 * of N steps from the current revision moves exactly N revisions or is refused.
 */
final class AlembicModel {

    /** What a command does: the revisions it runs and the rows after, or {@code null} fields when it is refused. */
    record Outcome(Set<String> ran, Set<String> rowsAfter) {

        static final Outcome REFUSED = new Outcome(null, null);

        boolean refused() {
            return ran == null;
        }
    }

    private final Map<String, List<String>> parents = new HashMap<>();

    /** Parents and dependencies, labels resolved to the revision that carries them. */
    private final Map<String, Set<String>> before = new HashMap<>();

    private final Map<String, Set<String>> children = new HashMap<>();

    private final Map<String, Set<String>> after = new HashMap<>();

    AlembicModel(List<Revision> revisions) {
        Map<String, String> labelled = new HashMap<>();
        for (Revision revision : revisions) {
            revision.branchLabels().forEach(label -> labelled.put(label, revision.id()));
        }
        for (Revision revision : revisions) {
            parents.put(revision.id(), revision.parents());
            children.computeIfAbsent(revision.id(), any -> new LinkedHashSet<>());
            after.computeIfAbsent(revision.id(), any -> new LinkedHashSet<>());
            Set<String> needs = new LinkedHashSet<>(revision.parents());
            for (String dependency : revision.dependsOn()) {
                needs.add(labelled.getOrDefault(dependency, dependency));
            }
            before.put(revision.id(), needs);
        }
        for (Revision revision : revisions) {
            for (String parent : revision.parents()) {
                children.get(parent).add(revision.id());
            }
            for (String need : before.get(revision.id())) {
                after.get(need).add(revision.id());
            }
        }
    }

    Set<String> closure(Set<String> rows) {
        return reach(rows, before);
    }

    /** The applied revisions that no other applied revision needs. */
    Set<String> rows(Set<String> applied) {
        Set<String> rows = new HashSet<>();
        for (String id : applied) {
            boolean needed = false;
            for (String other : applied) {
                if (!other.equals(id) && reach(Set.of(other), before).contains(id)) {
                    needed = true;
                    break;
                }
            }
            if (!needed) {
                rows.add(id);
            }
        }
        return rows;
    }

    Set<String> heads() {
        Set<String> heads = new HashSet<>();
        children.forEach((id, next) -> {
            if (next.isEmpty()) {
                heads.add(id);
            }
        });
        return heads;
    }

    Outcome upgrade(Set<String> applied, Set<String> targets) {
        Set<String> wanted = new HashSet<>(applied);
        wanted.addAll(closure(targets));
        return moved(applied, wanted);
    }

    /** {@code downgrade <target>}: the target must be applied; what follows it through its children goes. */
    Outcome downgrade(Set<String> applied, String target) {
        if (!applied.contains(target)) {
            return Outcome.REFUSED;
        }
        Set<String> removed = reach(children.get(target), after);
        removed.retainAll(applied);
        Set<String> left = new HashSet<>(applied);
        left.removeAll(removed);
        return moved(applied, left);
    }

    Outcome downgradeToBase(Set<String> applied) {
        return moved(applied, Set.of());
    }

    /** {@code -N}: N steps down the parents of the one current revision, undoing exactly those. */
    Outcome walkDown(Set<String> applied, int steps) {
        Set<String> rows = rows(applied);
        if (rows.size() != 1) {
            return Outcome.REFUSED;
        }
        String node = rows.iterator().next();
        Set<String> path = new HashSet<>();
        for (int taken = 0; taken < steps; taken++) {
            if (node == null) {
                return Outcome.REFUSED;
            }
            path.add(node);
            List<String> up = parents.get(node);
            boolean last = taken == steps - 1;
            if (up.size() > 1 && !last) {
                return Outcome.REFUSED;
            }
            node = up.size() == 1 ? up.get(0) : null;
        }
        Set<String> left = new HashSet<>(applied);
        left.removeAll(path);
        for (String stays : left) {
            for (String need : closure(Set.of(stays))) {
                if (path.contains(need)) {
                    return Outcome.REFUSED;
                }
            }
        }
        return moved(applied, left);
    }

    /** {@code +N}: N steps up from the one current revision (or from base), each to its only child. */
    Outcome walkUp(Set<String> applied, int steps) {
        Set<String> rows = rows(applied);
        if (rows.size() > 1) {
            return Outcome.REFUSED;
        }
        String node = rows.isEmpty() ? null : rows.iterator().next();
        for (int taken = 0; taken < steps; taken++) {
            Set<String> next = new HashSet<>();
            if (node == null) {
                parents.forEach((id, up) -> {
                    if (up.isEmpty()) {
                        next.add(id);
                    }
                });
            }
            else {
                next.addAll(children.get(node));
            }
            if (next.size() != 1) {
                return Outcome.REFUSED;
            }
            node = next.iterator().next();
        }
        Outcome outcome = upgrade(applied, Set.of(node));
        return outcome.ran().size() == steps ? outcome : Outcome.REFUSED;
    }

    /** {@code stamp <target>}: rows on the target's lineage (through parents and dependencies) give way to it. */
    Set<String> stamp(Set<String> rows, String target) {
        Set<String> related = reach(Set.of(target), before);
        related.addAll(reach(Set.of(target), after));
        Set<String> result = new HashSet<>(rows);
        result.removeAll(related);
        result.add(target);
        return result;
    }

    private Outcome moved(Set<String> from, Set<String> to) {
        Set<String> ran = new HashSet<>(from);
        ran.removeAll(to);
        Set<String> added = new HashSet<>(to);
        added.removeAll(from);
        ran.addAll(added);
        return new Outcome(ran, rows(to));
    }

    private static Set<String> reach(Set<String> start, Map<String, Set<String>> edges) {
        Set<String> seen = new HashSet<>(start);
        Deque<String> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty()) {
            for (String next : edges.get(queue.pop())) {
                if (seen.add(next)) {
                    queue.push(next);
                }
            }
        }
        return seen;
    }

    static List<String> sorted(Set<String> ids) {
        List<String> list = new ArrayList<>(ids);
        list.sort(null);
        return list;
    }
}
