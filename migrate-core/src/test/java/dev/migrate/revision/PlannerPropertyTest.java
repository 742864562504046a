package dev.migrate.revision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans over random graphs with merges, branch labels and dependencies. */
class PlannerPropertyTest {

    @Property(tries = 300)
    void upgradingToHeadsAppliesEachRevisionOnceAfterEverythingItNeeds(@ForAll @IntRange(min = 1, max = 60) int size,
            @ForAll long seed) {
        RevisionGraph graph = randomGraph(size, new Random(seed));
        Plan plan = new Planner(graph).upgrade(List.of(), "heads");

        assertThat(plan.revisionIds()).doesNotHaveDuplicates().hasSize(graph.size());
        Set<String> applied = new HashSet<>();
        for (Step step : plan.steps()) {
            assertThat(step.direction()).isEqualTo(Direction.UPGRADE);
            assertThat(applied).containsAll(step.revision().parents()).containsAll(resolvedDependencies(graph, step.revision()));
            applied.add(step.revision().id());
        }
        assertVersionTableFollows(graph, plan);
    }

    @Property(tries = 300)
    void downgradingFromHeadsToBaseReturnsToEmptyUnapplyingDependentsFirst(
            @ForAll @IntRange(min = 1, max = 60) int size, @ForAll long seed) {
        RevisionGraph graph = randomGraph(size, new Random(seed));
        Planner planner = new Planner(graph);
        Plan down = planner.downgrade(planner.upgrade(List.of(), "heads").toRows(), "base");

        assertThat(down.toRows()).isEmpty();
        assertThat(down.revisionIds()).doesNotHaveDuplicates().hasSize(graph.size());
        Set<String> removed = new HashSet<>();
        for (Step step : down.steps()) {
            assertThat(step.direction()).isEqualTo(Direction.DOWNGRADE);
            for (Revision dependent : graph.descendants(step.revision())) {
                assertThat(removed).contains(dependent.id());
            }
            removed.add(step.revision().id());
        }
        assertVersionTableFollows(graph, down);
    }

    @Property(tries = 300)
    void aPlanThereAndAPlanBackReturnToTheFirstState(@ForAll @IntRange(min = 1, max = 60) int size,
            @ForAll long seed) {
        Random random = new Random(seed);
        RevisionGraph graph = randomGraph(size, random);
        Planner planner = new Planner(graph);
        List<String> a = planner.rowsFor(randomRevisions(graph, random));
        List<String> b = planner.rowsFor(randomRevisions(graph, random));

        Plan there = planner.between(a, b);
        Plan back = planner.between(there.toRows(), a);

        assertThat(there.toRows()).isEqualTo(b);
        assertThat(back.toRows()).isEqualTo(a);
        assertVersionTableFollows(graph, there);
        assertVersionTableFollows(graph, back);
    }

    @Property(tries = 300)
    void upgradeOnlyAddsAndDowngradeRemovesExactlyTheAppliedDescendants(@ForAll @IntRange(min = 1, max = 60) int size,
            @ForAll long seed) {
        Random random = new Random(seed);
        RevisionGraph graph = randomGraph(size, random);
        Planner planner = new Planner(graph);
        List<String> start = planner.rowsFor(randomRevisions(graph, random));
        Revision target = graph.revisions().get(random.nextInt(graph.size()));

        Plan up = planner.upgrade(start, target.id());
        Set<String> after = ids(planner.applied(up.toRows()));
        assertThat(up.steps()).allMatch(step -> step.direction() == Direction.UPGRADE);
        assertThat(after).contains(target.id()).containsAll(ids(graph.ancestors(target)))
                .containsAll(ids(planner.applied(start)));

        // Removed: the revisions that follow the target through parents, and whatever depends on those.
        // A revision that merely depends on the target itself stays: the target stays applied.
        Plan down = planner.downgrade(up.toRows(), target.id());
        Set<String> expectedRemoved = new HashSet<>();
        for (Revision child : graph.childrenOf(target)) {
            expectedRemoved.add(child.id());
            expectedRemoved.addAll(ids(graph.descendants(child)));
        }
        expectedRemoved.retainAll(after);
        assertThat(new HashSet<>(down.revisionIds())).isEqualTo(expectedRemoved);
        assertThat(ids(planner.applied(down.toRows()))).contains(target.id());
    }

    @Property(tries = 100)
    void theSameInputGivesTheSamePlan(@ForAll @IntRange(min = 1, max = 60) int size, @ForAll long seed) {
        List<Revision> revisions = new ArrayList<>(randomGraph(size, new Random(seed)).revisions());
        List<String> first = new Planner(RevisionGraph.of(revisions)).upgrade(List.of(), "heads").revisionIds();
        java.util.Collections.shuffle(revisions, new Random(seed));
        assertThat(new Planner(RevisionGraph.of(revisions)).upgrade(List.of(), "heads").revisionIds()).isEqualTo(first);
    }

    /**
     * Replays the plan's row changes on a simulated version table: every deleted row must be present, and after
     * each step the rows must be exactly the applied revisions nothing applied depends on.
     */
    private static void assertVersionTableFollows(RevisionGraph graph, Plan plan) {
        Planner planner = new Planner(graph);
        Set<String> rows = new LinkedHashSet<>(plan.fromRows());
        Set<String> applied = ids(planner.applied(plan.fromRows()));
        for (Step step : plan.steps()) {
            assertThat(rows).containsAll(step.deletedRows());
            rows.removeAll(step.deletedRows());
            rows.addAll(step.insertedRows());
            if (step.direction() == Direction.UPGRADE) {
                applied.add(step.revision().id());
            }
            else {
                applied.remove(step.revision().id());
            }
            assertThat(rows).containsExactlyInAnyOrderElementsOf(planner.rowsFor(applied));
        }
        assertThat(rows).containsExactlyInAnyOrderElementsOf(plan.toRows());
    }

    /** Each revision takes 0 to 2 earlier revisions as parents, sometimes depends on another, sometimes a label. */
    static RevisionGraph randomGraph(int size, Random random) {
        List<Revision> revisions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "r" + i;
            Set<String> parents = new LinkedHashSet<>();
            if (i > 0 && random.nextInt(8) != 0) {
                parents.add("r" + (i - 1 - random.nextInt(Math.min(i, 4))));
                if (random.nextInt(5) == 0) {
                    parents.add("r" + random.nextInt(i));
                }
            }
            Revision revision = Revision.of(id, parents.toArray(String[]::new));
            if (i > 1 && random.nextInt(6) == 0) {
                int dependency = random.nextInt(i);
                revision = revision.withDependsOn(random.nextBoolean() ? "r" + dependency : "label" + dependency);
                if (revisions.get(dependency).branchLabels().isEmpty()) {
                    revisions.set(dependency, revisions.get(dependency).withBranchLabels("label" + dependency));
                }
            }
            revisions.add(revision);
        }
        return RevisionGraph.of(revisions);
    }

    private static List<String> randomRevisions(RevisionGraph graph, Random random) {
        List<String> chosen = new ArrayList<>();
        for (Revision revision : graph.revisions()) {
            if (random.nextInt(4) == 0) {
                chosen.add(revision.id());
            }
        }
        return chosen;
    }

    private static List<String> resolvedDependencies(RevisionGraph graph, Revision revision) {
        return revision.dependsOn().stream()
                .map(name -> graph.get(name) != null ? name
                        : graph.revisions().stream().filter(r -> r.branchLabels().contains(name)).findFirst().orElseThrow().id())
                .toList();
    }

    private static Set<String> ids(List<Revision> revisions) {
        Set<String> ids = new HashSet<>();
        revisions.forEach(r -> ids.add(r.id()));
        return ids;
    }

}
