package dev.migrate.revision;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import dev.migrate.MigrateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every plan over random graphs (branches, merges, several roots, labels, dependencies), from random applied states,
 * checked against {@link AlembicModel}, which states Alembic's semantics without the planner's code: the same
 * revisions run, in an order that respects every parent and dependency, ending at the model's rows; what the model
 * refuses, the planner refuses.
 */
class PlannerAgainstModelTest {

    @Property(tries = 600)
    void everyCommandRunsExactlyWhatTheModelSays(@ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed) {
        Random random = new Random(seed);
        RevisionGraph graph = PlannerPropertyTest.randomGraph(size, random);
        List<Revision> revisions = graph.revisions();
        AlembicModel model = new AlembicModel(revisions);
        Planner planner = new Planner(graph);
        Set<String> chosen = new HashSet<>();
        for (Revision revision : revisions) {
            if (random.nextInt(3) == 0) {
                chosen.add(revision.id());
            }
        }
        Set<String> applied = model.closure(chosen);
        List<String> rows = AlembicModel.sorted(model.rows(applied));
        String target = revisions.get(random.nextInt(revisions.size())).id();
        int steps = 1 + random.nextInt(3);

        check(planner, graph, applied, rows, "upgrade heads", model.upgrade(applied, model.heads()),
                () -> planner.upgrade(rows, "heads"));
        check(planner, graph, applied, rows, "upgrade " + target, model.upgrade(applied, Set.of(target)),
                () -> planner.upgrade(rows, target));
        check(planner, graph, applied, rows, "downgrade " + target, model.downgrade(applied, target),
                () -> planner.downgrade(rows, target));
        check(planner, graph, applied, rows, "downgrade base", model.downgradeToBase(applied),
                () -> planner.downgrade(rows, "base"));
        check(planner, graph, applied, rows, "downgrade -" + steps, model.walkDown(applied, steps),
                () -> planner.downgrade(rows, "-" + steps));
        check(planner, graph, applied, rows, "upgrade +" + steps, model.walkUp(applied, steps),
                () -> planner.upgrade(rows, "+" + steps));
        assertThat(new HashSet<>(planner.stampRows(rows, target, false))).as("stamp %s from %s", target, rows)
                .isEqualTo(model.stamp(Set.copyOf(rows), target));
    }

    private static void check(Planner planner, RevisionGraph graph, Set<String> applied, List<String> rows,
            String command, AlembicModel.Outcome expected, java.util.function.Supplier<Plan> plan) {
        String what = command + " from " + rows;
        if (expected.refused()) {
            assertThatThrownBy(plan::get).as(what).isInstanceOf(MigrateException.class);
            return;
        }
        Plan actual = plan.get();
        assertThat(new HashSet<>(actual.revisionIds())).as(what).isEqualTo(expected.ran());
        assertThat(new HashSet<>(actual.toRows())).as(what).isEqualTo(expected.rowsAfter());
        assertThat(actual.revisionIds()).as(what).doesNotHaveDuplicates();
        Set<String> now = new HashSet<>(applied);
        Set<String> versionRows = new HashSet<>(rows);
        for (Step step : actual.steps()) {
            Revision revision = step.revision();
            List<Revision> needs = graph.ancestors(revision);
            if (step.direction() == Direction.UPGRADE) {
                assertThat(now).as(what + ": " + revision.id() + " runs after what it needs")
                        .containsAll(needs.stream().map(Revision::id).toList());
                now.add(revision.id());
            }
            else {
                assertThat(graph.descendants(revision)).as(what + ": " + revision.id() + " is undone after what needs it")
                        .noneMatch(dependent -> now.contains(dependent.id()));
                now.remove(revision.id());
            }
            assertThat(versionRows).as(what).containsAll(step.deletedRows());
            versionRows.removeAll(step.deletedRows());
            versionRows.addAll(step.insertedRows());
        }
        assertThat(versionRows).as(what + ": the version table after every step").isEqualTo(expected.rowsAfter());
    }
}
