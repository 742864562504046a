package dev.migrate.revision;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans: their order and the version-table change of each step. */
class PlannerTest {

    final Planner merged = new Planner(RevisionGraphTest.branched());

    @Test
    void aLinearUpgradeInsertsOnceThenUpdates() {
        Plan plan = merged.upgrade(List.of(), "r2");
        assertThat(plan.steps()).extracting(Step::versionChange).containsExactly("insert", "update");
        assertThat(plan.steps().get(1).deletedRows()).containsExactly("r1");
        assertThat(plan.steps().get(1).insertedRows()).containsExactly("r2");
    }

    @Test
    void upgradingToAMergeAppliesBothBranchesAndCrossesTheMergeWithDeleteAndUpdate() {
        Plan plan = merged.upgrade(List.of(), "heads");
        assertThat(plan.revisionIds()).containsExactly("r1", "r2", "b1", "b2", "n1", "n2", "m1");
        assertThat(plan.steps()).extracting(Step::versionChange)
                .containsExactly("insert", "update", "update", "update", "insert", "update", "delete+update");
        Step merge = plan.steps().get(6);
        assertThat(merge.deletedRows()).containsExactly("b2", "n2");
        assertThat(merge.insertedRows()).containsExactly("m1");
        assertThat(plan.fromRows()).isEmpty();
        assertThat(plan.toRows()).containsExactly("m1");
    }

    @Test
    void downgradingThroughAMergeRestoresBothBranchRows() {
        Plan plan = merged.downgrade(List.of("m1"), "-1");
        assertThat(plan.revisionIds()).containsExactly("m1");
        assertThat(plan.steps().get(0).versionChange()).isEqualTo("insert+update");
        assertThat(plan.toRows()).containsExactly("b2", "n2");
    }

    @Test
    void closingOneBranchDeletesItsRow() {
        Plan plan = merged.downgrade(List.of("b2", "n2"), "billing@base");
        assertThat(plan.steps()).extracting(Step::versionChange).containsExactly("update", "delete");
    }

    @Test
    void dependenciesAreAppliedFirstAndDoNotKeepTheirOwnRow() {
        Planner planner = new Planner(RevisionGraph.of(List.of(
                Revision.of("x1").withBranchLabels("extra"),
                Revision.of("r1"),
                Revision.of("r2", "r1").withDependsOn("extra"))));
        Plan up = planner.upgrade(List.of(), "r2");
        assertThat(up.revisionIds()).containsExactly("r1", "x1", "r2");
        assertThat(up.toRows()).containsExactly("r2");
        assertThat(up.steps().get(2).deletedRows()).containsExactly("r1", "x1");

        Plan down = planner.downgrade(up.toRows(), "r1");
        assertThat(down.revisionIds()).containsExactly("r2");
        assertThat(down.toRows()).containsExactlyInAnyOrder("r1", "x1");

        Plan dropExtra = planner.downgrade(up.toRows(), "extra@base");
        assertThat(dropExtra.revisionIds()).containsExactly("r2", "x1");
        assertThat(dropExtra.toRows()).containsExactly("r1");
    }

    @Test
    void aTargetAlreadyReachedNeedsNoSteps() {
        assertThat(merged.upgrade(List.of("m1"), "heads").isEmpty()).isTrue();
        assertThat(merged.upgrade(List.of("m1"), "b1").isEmpty()).isTrue();
    }

    @Test
    void aStateCanBeGivenByAnyOfItsRevisionsNotOnlyItsRows() {
        // An ancestor listed with its descendant is covered, as after a crash between two row updates.
        assertThat(merged.rowsFor(List.of("r1", "b2"))).containsExactly("b2");
        assertThat(merged.applied(List.of("b2"))).extracting(Revision::id).containsExactly("r1", "r2", "b1", "b2");
    }

    @Test
    void historyListsNewestFirstWithMarks() {
        List<String> lines = merged.history(null, List.of("b2", "n1")).stream().map(HistoryEntry::line).toList();
        assertThat(lines).containsExactly(
                "(b2, n2) -> m1 (head) (mergepoint), ",
                "n1 -> n2, ",
                "r2 -> n1 (current), ",
                "b1 -> b2 (current), ",
                "r2 -> b1, ",
                "r1 -> r2 (branchpoint), ",
                "<base> -> r1, ");
    }

    @Test
    void historyOfARangeKeepsBothEnds() {
        assertThat(merged.history("b1:m1", List.of())).extracting(e -> e.revision().id())
                .containsExactly("m1", "b2", "b1");
        assertThat(merged.history("network@base:", List.of())).extracting(e -> e.revision().id())
                .containsExactly("m1", "n2", "n1");
        assertThat(merged.history(":r2", List.of())).extracting(e -> e.revision().id()).containsExactly("r2", "r1");
        assertThat(merged.history("current:", List.of("n2"))).extracting(HistoryEntry::applied)
                .containsExactly(false, true);
    }
}
