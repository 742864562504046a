package dev.migrate.revision;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        List<HistoryEntry> entries = merged.history(null, List.of("b2", "n1"));
        assertThat(entries).extracting(entry -> entry.revision().id())
                .containsExactly("m1", "n2", "n1", "b2", "b1", "r2", "r1");
        assertThat(entries).filteredOn(HistoryEntry::current).extracting(entry -> entry.revision().id())
                .containsExactly("n1", "b2");
        assertThat(entries.get(0)).extracting(HistoryEntry::head, HistoryEntry::mergePoint).containsExactly(true, true);
        assertThat(entries.get(5)).extracting(HistoryEntry::branchPoint, HistoryEntry::applied).containsExactly(true, true);
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

    /** A, then B and C on two branches, where C also depends on B. */
    final Planner sideDependency = new Planner(RevisionGraph.of(List.of(Revision.of("a"), Revision.of("b", "a"),
            Revision.of("c", "a").withDependsOn("b"))));

    @Test
    void minusOneUndoesOnlyTheCurrentRevisionNotWhatItDependsOn() {
        Plan plan = sideDependency.downgrade(List.of("c"), "-1");
        assertThat(plan.revisionIds()).containsExactly("c");
        assertThat(plan.toRows()).containsExactly("b");
        assertThat(plan.steps().get(0).insertedRows()).containsExactly("b");
    }

    @Test
    void aDownwardWalkThatWouldUndoARevisionOffItsPathHasNoPlan() {
        assertThatThrownBy(() -> sideDependency.downgrade(List.of("c"), "-2"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("Relative revision -2 would undo a, c, but b follow or depend on them and would have to be "
                        + "undone too. Downgrade those first, or name the revision to go down to.");
        // Named, the target means everything above it: both branches go.
        assertThat(sideDependency.downgrade(List.of("c"), "a").revisionIds()).containsExactlyInAnyOrder("c", "b");
    }

    @Test
    void minusOneNeverReachesALongBranchTheHeadMerelyDependsOn() {
        // The head h follows l0 and depends on the far end of a 17-revision branch s1..s17 that also starts at l0.
        java.util.List<Revision> revisions = new java.util.ArrayList<>(List.of(Revision.of("l0"), Revision.of("s1", "l0")));
        for (int i = 2; i <= 17; i++) {
            revisions.add(Revision.of("s" + i, "s" + (i - 1)));
        }
        revisions.add(Revision.of("h", "l0").withDependsOn("s17"));
        Planner planner = new Planner(RevisionGraph.of(revisions));
        List<String> rows = planner.upgrade(List.of(), "heads").toRows();
        assertThat(rows).containsExactly("h");
        Plan plan = planner.downgrade(rows, "-1");
        assertThat(plan.revisionIds()).containsExactly("h");
        assertThat(plan.toRows()).containsExactly("s17");
    }

    @Test
    void plusNThatNeedsARevisionItDidNotCountIsRefused() {
        Planner planner = new Planner(RevisionGraph.of(List.of(Revision.of("a"), Revision.of("x"),
                Revision.of("b", "a").withDependsOn("x"))));
        assertThatThrownBy(() -> planner.upgrade(List.of("a"), "+1"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("Relative revision +1 didn't produce 1 migrations: reaching it needs 2 (x, b), since a "
                        + "revision on the way depends on others that are not applied. Upgrade to a named revision to "
                        + "run them all.");
        assertThat(planner.upgrade(List.of("a"), "b").revisionIds()).containsExactly("x", "b");
    }

    @Test
    void stampTreatsDependenciesAsLineage() {
        assertThat(sideDependency.stampRows(List.of("c"), "b", false)).containsExactly("b");
        assertThat(sideDependency.stampRows(List.of("c"), "a", false)).containsExactly("a");
        assertThat(sideDependency.stampRows(List.of("b"), "c", false)).containsExactly("c");
    }

    @Test
    void aVersionTableHoldingTwoRowsOfOneLineageIsNotPlannedFrom() {
        assertThatThrownBy(() -> merged.upgrade(List.of("r1", "b2"), "heads"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("The version table holds r1, b2, but r1 comes before b2 in the graph: a run never leaves two "
                        + "rows of one lineage, so the table was edited by hand or by another tool. Nothing was run. Set "
                        + "the table to what the database really holds with 'stamp', for example 'stamp b2' if the "
                        + "changes of b2 are applied.");
        assertThatThrownBy(() -> merged.downgrade(List.of("r1", "b2"), "-1")).isInstanceOf(ResolutionException.class);
        assertThat(merged.stampRows(List.of("r1", "b2"), "b2", false)).containsExactly("b2");
    }
}
