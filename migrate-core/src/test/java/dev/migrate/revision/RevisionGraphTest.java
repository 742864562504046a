package dev.migrate.revision;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionGraphTest {

    /** r1 - r2 - (billing: b1 - b2) and (network: n1 - n2), joined by m1. */
    static RevisionGraph branched() {
        return RevisionGraph.of(List.of(
                Revision.of("r1"),
                Revision.of("r2", "r1"),
                Revision.of("b1", "r2").withBranchLabels("billing"),
                Revision.of("b2", "b1"),
                Revision.of("n1", "r2").withBranchLabels("network"),
                Revision.of("n2", "n1"),
                Revision.of("m1", "b2", "n2")));
    }

    @Test
    void answersHeadsBasesBranchPointsAndMergePoints() {
        RevisionGraph graph = branched();
        assertThat(ids(graph.heads())).containsExactly("m1");
        assertThat(ids(graph.bases())).containsExactly("r1");
        assertThat(ids(graph.branchPoints())).containsExactly("r2");
        assertThat(ids(graph.mergePoints())).containsExactly("m1");
    }

    @Test
    void aLabelCoversItsRevisionItsDescendantsAndAncestorsBackToTheBranchPoint() {
        RevisionGraph graph = RevisionGraph.of(List.of(
                Revision.of("r1"),
                Revision.of("a1", "r1"),
                Revision.of("a2", "a1").withBranchLabels("alpha"),
                Revision.of("a3", "a2"),
                Revision.of("c1", "r1")));
        assertThat(ids(graph.labelCovers("alpha"))).containsExactlyInAnyOrder("a1", "a2", "a3");
    }

    @Test
    void ancestorsIncludeDependenciesAndDescendantsIncludeDependents() {
        RevisionGraph graph = RevisionGraph.of(List.of(
                Revision.of("x1").withBranchLabels("extra"),
                Revision.of("r1"),
                Revision.of("r2", "r1").withDependsOn("extra"),
                Revision.of("r3", "r2")));
        assertThat(ids(graph.ancestors(graph.get("r3")))).containsExactlyInAnyOrder("r1", "r2", "x1");
        assertThat(ids(graph.descendants(graph.get("x1")))).containsExactlyInAnyOrder("r2", "r3");
        assertThat(ids(graph.heads())).containsExactlyInAnyOrder("r3", "x1");
    }

    @Test
    void redundantParentsAndDependenciesAreAccepted() {
        // r3's parent r1 is already an ancestor of its other parent r2; r4 depends on its own grandparent.
        RevisionGraph graph = RevisionGraph.of(List.of(
                Revision.of("r1"),
                Revision.of("r2", "r1"),
                Revision.of("r3", "r1", "r2"),
                Revision.of("r4", "r3").withDependsOn("r2", "r3")));
        assertThat(ids(graph.heads())).containsExactly("r4");
        Plan plan = new Planner(graph).upgrade(List.of(), "heads");
        assertThat(plan.revisionIds()).containsExactly("r1", "r2", "r3", "r4");
        assertThat(plan.toRows()).containsExactly("r4");
        Plan back = new Planner(graph).downgrade(plan.toRows(), "base");
        assertThat(back.revisionIds()).containsExactly("r4", "r3", "r2", "r1");
        assertThat(back.toRows()).isEmpty();
    }

    @Test
    void duplicateIdsNameBothOrigins() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(
                new Revision("abc", List.of(), java.util.Set.of(), List.of(), "", null, "V1.sql"),
                new Revision("abc", List.of(), java.util.Set.of(), List.of(), "", null, "V2.sql"))))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Invalid revision graph: revision id 'abc' is defined twice: in V1.sql and in V2.sql.");
    }

    @Test
    void aMissingParentIsNamed() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(Revision.of("r2", "r1"))))
                .hasMessage("Invalid revision graph: revision 'r2' (r2) names parent 'r1', which does not exist.");
    }

    @Test
    void aMissingDependencyIsNamed() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(Revision.of("r1").withDependsOn("nope"))))
                .hasMessage("Invalid revision graph: revision 'r1' (r1) depends on 'nope', "
                        + "which is neither a revision nor a branch label.");
    }

    @Test
    void aCycleThroughParentsIsNamed() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(Revision.of("a", "c"), Revision.of("b", "a"),
                Revision.of("c", "b"))))
                .hasMessage("Invalid revision graph: the revisions form a cycle through their parents and dependencies: "
                        + "a -> c -> b -> a.");
    }

    @Test
    void aRevisionThatIsItsOwnParentIsACycle() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(Revision.of("a", "a"))))
                .hasMessage("Invalid revision graph: the revisions form a cycle through their parents and dependencies: "
                        + "a -> a.");
    }

    @Test
    void aCycleThroughADependencyIsNamed() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(Revision.of("a").withDependsOn("b"), Revision.of("b", "a"))))
                .hasMessage("Invalid revision graph: the revisions form a cycle through their parents and dependencies: "
                        + "a -> b -> a.");
    }

    @Test
    void aLabelUsedTwiceIsNamed() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(Revision.of("a").withBranchLabels("x"),
                Revision.of("b").withBranchLabels("x"))))
                .hasMessage("Invalid revision graph: branch label 'x' is used by both 'a' and 'b'.");
    }

    @Test
    void aLabelThatIsAlsoAnIdIsRefused() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(Revision.of("a"), Revision.of("b").withBranchLabels("a"))))
                .hasMessage("Invalid revision graph: branch label 'a' of revision 'b' is also the id of a revision.");
    }

    @Test
    void idsWithGrammarCharactersAreRefused() {
        for (String bad : List.of("a@b", "a-b", "a+b", "a:b", "a b", "head")) {
            assertThatThrownBy(() -> RevisionGraph.of(List.of(Revision.of(bad))))
                    .isInstanceOf(RevisionGraphException.class)
                    .hasMessageStartingWith("Invalid revision graph: revision id '" + bad + "' in " + bad + " is not valid: ");
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        RevisionGraphException error = org.junit.jupiter.api.Assertions.assertThrows(RevisionGraphException.class,
                () -> RevisionGraph.of(List.of(Revision.of("a", "zz"), Revision.of("b").withDependsOn("yy"))));
        assertThat(error.problems()).hasSize(2);
        assertThat(error.getMessage()).startsWith("Invalid revision graph (2 problems):");
    }

    @Test
    void theOrderDoesNotDependOnTheInputOrder() {
        List<Revision> revisions = new java.util.ArrayList<>(List.of(Revision.of("r1"), Revision.of("a", "r1"),
                Revision.of("b", "r1"), Revision.of("m", "a", "b")));
        List<String> first = ids(RevisionGraph.of(revisions).revisions());
        java.util.Collections.reverse(revisions);
        assertThat(ids(RevisionGraph.of(revisions).revisions())).isEqualTo(first);
    }

    static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
