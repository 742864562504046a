package dev.migrate.revision;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Alembic's target grammar, form by form, with the exact wording of each error. */
class TargetGrammarTest {

    static final String A = "ae1027a6acf0";
    static final String B = "ae10fa34cc12";
    static final String C = "27c6a30d7c24";
    static final String D = "1975ea83b712";

    /** A linear history A - B - C - D whose first two ids share the prefix 'ae10'. */
    final Planner linear = new Planner(RevisionGraph.of(List.of(Revision.of(A), Revision.of(B, A), Revision.of(C, B),
            Revision.of(D, C))));

    /** r1 - r2 - (billing: b1 - b2) and (network: n1 - n2), not merged: two heads. */
    final Planner forked = new Planner(RevisionGraph.of(List.of(
            Revision.of("r1"),
            Revision.of("r2", "r1"),
            Revision.of("b1", "r2").withBranchLabels("billing"),
            Revision.of("b2", "b1"),
            Revision.of("n1", "r2").withBranchLabels("network"),
            Revision.of("n2", "n1"))));

    @Nested
    class Absolute {

        @Test
        void headIsTheSingleHead() {
            assertThat(linear.upgrade(List.of(), "head").revisionIds()).containsExactly(A, B, C, D);
        }

        @Test
        void headWithSeveralHeadsGivesAlembicsAdvice() {
            assertThatThrownBy(() -> forked.upgrade(List.of(), "head"))
                    .isInstanceOf(MultipleHeadsException.class)
                    .hasMessage("Multiple head revisions are present for given argument 'head': b2, n2. Name one of "
                            + "them, use '<label>@head' to narrow to one branch, use 'heads' for all heads, or join them "
                            + "with 'merge heads -m \"<message>\"'.");
        }

        @Test
        void headsIsEveryHead() {
            assertThat(forked.upgrade(List.of(), "heads").toRows()).containsExactly("b2", "n2");
        }

        @Test
        void baseIsBeforeTheFirstRevision() {
            assertThat(linear.downgrade(List.of(D), "base").revisionIds()).containsExactly(D, C, B, A);
            assertThat(linear.upgrade(List.of(), "base").isEmpty()).isTrue();
        }

        @Test
        void aFullIdOrAUniquePrefixNamesOneRevision() {
            assertThat(linear.upgrade(List.of(), C).revisionIds()).containsExactly(A, B, C);
            assertThat(linear.upgrade(List.of(), "1975").revisionIds()).containsExactly(A, B, C, D);
            assertThat(linear.upgrade(List.of(), "ae10f").revisionIds()).containsExactly(A, B);
        }

        @Test
        void anAmbiguousPrefixListsTheCandidates() {
            assertThatThrownBy(() -> linear.upgrade(List.of(), "ae10"))
                    .isInstanceOf(ResolutionException.class)
                    .hasMessage("Multiple revisions start with 'ae10': " + A + ", " + B + ". Use more characters of the id.");
        }

        @Test
        void anUnknownRevisionIsNamed() {
            assertThatThrownBy(() -> linear.upgrade(List.of(), "beef1234"))
                    .hasMessage("Can't locate revision identified by 'beef1234': no revision id, unique id prefix or branch label is 'beef1234'.");
        }

        @Test
        void aShortUnknownPrefixSuggestsFourCharacters() {
            assertThatThrownBy(() -> linear.upgrade(List.of(), "ff"))
                    .hasMessage("Can't locate revision identified by 'ff': no revision id, unique id prefix or branch label is 'ff'; "
                            + "use at least four characters of a revision id to "
                            + "match it by prefix.");
        }

        @Test
        void aLabelNamesItsRevision() {
            assertThat(forked.upgrade(List.of(), "network").revisionIds()).containsExactly("r1", "r2", "n1");
        }

        @Test
        void currentIsWhatTheDatabaseHolds() {
            assertThat(forked.resolve("current", List.of("b1", "n2"))).extracting(Revision::id)
                    .containsExactly("b1", "n2");
            assertThat(forked.upgrade(List.of("b1"), "current").isEmpty()).isTrue();
        }
    }

    @Nested
    class Branches {

        @Test
        void labelAtHeadIsTheHeadOfThatBranch() {
            assertThat(forked.upgrade(List.of(), "billing@head").revisionIds()).containsExactly("r1", "r2", "b1", "b2");
        }

        @Test
        void aRevisionIdWorksInPlaceOfALabel() {
            assertThat(forked.upgrade(List.of(), "n1@head").revisionIds()).containsExactly("r1", "r2", "n1", "n2");
        }

        @Test
        void labelAtHeadsIsEveryHeadOfThatBranch() {
            assertThat(forked.resolve("r2@heads", List.of())).extracting(Revision::id).containsExactly("b2", "n2");
        }

        @Test
        void labelAtHeadWithSeveralHeadsOnTheBranchIsRefused() {
            assertThatThrownBy(() -> forked.upgrade(List.of(), "r1@head"))
                    .isInstanceOf(MultipleHeadsException.class)
                    .hasMessageStartingWith("Multiple head revisions are present for given argument 'r1@head': b2, n2.");
        }

        @Test
        void labelAtBaseIsWhereTheBranchStarts() {
            assertThat(forked.resolve("network@base", List.of())).extracting(Revision::id).containsExactly("n1");
        }

        @Test
        void downgradingLabelAtBaseRemovesOnlyThatBranch() {
            Plan plan = forked.downgrade(List.of("b2", "n2"), "billing@base");
            assertThat(plan.revisionIds()).containsExactly("b2", "b1");
            assertThat(plan.toRows()).containsExactly("n2");
        }

        @Test
        void labelAtRevisionDowngradesOneBranchBackToTheBranchPoint() {
            Plan plan = forked.downgrade(List.of("b2", "n2"), "billing@r2");
            assertThat(plan.revisionIds()).containsExactly("b2", "b1");
            assertThat(plan.toRows()).containsExactly("n2");
        }

        @Test
        void aPlainDowngradeToTheBranchPointRemovesEveryBranchAboveIt() {
            Plan plan = forked.downgrade(List.of("b2", "n2"), "r2");
            assertThat(plan.revisionIds()).containsExactlyInAnyOrder("b2", "b1", "n2", "n1");
            assertThat(plan.toRows()).containsExactly("r2");
        }

        @Test
        void aRevisionOutsideTheBranchIsRefused() {
            assertThatThrownBy(() -> forked.upgrade(List.of(), "billing@n1"))
                    .hasMessage("Revision 'n1' is not on the branch 'billing'.");
        }

        @Test
        void anUnknownLabelIsNamed() {
            assertThatThrownBy(() -> forked.upgrade(List.of(), "shipping@head"))
                    .hasMessage("Can't locate revision identified by 'shipping': no revision id, unique id prefix or branch label is 'shipping'.");
        }
    }

    @Nested
    class Relative {

        @Test
        void plusNUpgradesNStepsFromTheCurrentRevision() {
            assertThat(linear.upgrade(List.of(), "+2").revisionIds()).containsExactly(A, B);
            assertThat(linear.upgrade(List.of(B), "+2").revisionIds()).containsExactly(C, D);
        }

        @Test
        void minusNDowngradesNStepsFromTheCurrentRevision() {
            assertThat(linear.downgrade(List.of(D), "-1").revisionIds()).containsExactly(D);
            assertThat(linear.downgrade(List.of(D), "-3").revisionIds()).containsExactly(D, C, B);
            assertThat(linear.downgrade(List.of(D), "-4").toRows()).isEmpty();
        }

        @Test
        void aRevisionPlusOrMinusNIsRelativeToThatRevision() {
            assertThat(linear.upgrade(List.of(), B + "+1").toRows()).containsExactly(C);
            assertThat(linear.upgrade(List.of(), "1975-2").toRows()).containsExactly(B);
            assertThat(linear.upgrade(List.of(), "head-2").toRows()).containsExactly(B);
            assertThat(linear.upgrade(List.of(), "base+2").toRows()).containsExactly(B);
            assertThat(linear.downgrade(List.of(D), "head-1").toRows()).containsExactly(C);
        }

        @Test
        void labelAtPlusNWalksWithinTheBranch() {
            assertThat(forked.upgrade(List.of("b2"), "network@+1").toRows()).containsExactly("b2", "n1");
            assertThat(forked.upgrade(List.of("b2", "n1"), "network@+1").toRows()).containsExactly("b2", "n2");
        }

        @Test
        void labelAtMinusNWalksDownOneBranchOnly() {
            Plan plan = forked.downgrade(List.of("b2", "n2"), "billing@-1");
            assertThat(plan.revisionIds()).containsExactly("b2");
            assertThat(plan.toRows()).containsExactly("b1", "n2");
        }

        @Test
        void labelAtHeadMinusNIsRelativeToTheBranchHead() {
            assertThat(forked.upgrade(List.of(), "billing@head-1").toRows()).containsExactly("b1");
        }

        @Test
        void minusOneWithSeveralCurrentHeadsIsAmbiguous() {
            assertThatThrownBy(() -> forked.downgrade(List.of("b2", "n2"), "-1"))
                    .hasMessage("-1 from multiple heads is ambiguous (b2, n2): use '<label>@-1' or a revision id to say "
                            + "which branch to move.");
        }

        @Test
        void aWalkThatMeetsABranchPointIsAmbiguous() {
            assertThatThrownBy(() -> forked.upgrade(List.of("r1"), "+2"))
                    .hasMessage("Ambiguous walk for '+2': 'r2' is followed by several revisions (b1, n1); name the "
                            + "revision to go to, or narrow the walk to one branch with '<label>@+2'.");
        }

        @Test
        void aWalkDownThroughAMergeIsAmbiguous() {
            Planner merged = new Planner(RevisionGraph.of(List.of(Revision.of("r1"), Revision.of("a", "r1"),
                    Revision.of("b", "r1"), Revision.of("m", "a", "b"), Revision.of("t", "m"))));
            assertThat(merged.downgrade(List.of("t"), "-2").toRows()).containsExactly("a", "b");
            assertThatThrownBy(() -> merged.downgrade(List.of("t"), "-3"))
                    .hasMessage("Ambiguous walk for '-3': 'm' is a merge of a, b; name the revision to go to, or "
                            + "narrow the walk to one branch with '<label>@-3'.");
        }

        @Test
        void aWalkPastTheTopSaysHowFarItCouldGo() {
            assertThatThrownBy(() -> linear.upgrade(List.of(), "+5"))
                    .hasMessage("Relative revision +5 didn't produce 5 migrations: it walks past the top of the graph, "
                            + "only 4 revision(s) follow base.");
            assertThatThrownBy(() -> linear.upgrade(List.of(C), "+2"))
                    .hasMessage("Relative revision +2 didn't produce 2 migrations: it walks past the top of the graph, "
                            + "only 1 revision(s) follow '"
                            + C + "'.");
        }

        @Test
        void aWalkBelowBaseSaysHowFarItCouldGo() {
            assertThatThrownBy(() -> linear.downgrade(List.of(D), "-5"))
                    .hasMessage("Relative revision -5 didn't produce 5 migrations: it walks below base, '" + D
                            + "' is only 4 revision(s) above base.");
            assertThatThrownBy(() -> linear.downgrade(List.of(), "-1"))
                    .hasMessage("Relative revision -1 didn't produce 1 migrations: it walks below base, the database "
                            + "is only 0 revision(s) above base.");
        }

        @Test
        void upgradeCannotMoveDownAndDowngradeCannotMoveUp() {
            assertThatThrownBy(() -> linear.upgrade(List.of(D), "-1"))
                    .hasMessage("Invalid target '-1': an upgrade cannot move down; use downgrade '-1'.");
            assertThatThrownBy(() -> linear.downgrade(List.of(A), "+1"))
                    .hasMessage("Invalid target '+1': a downgrade cannot move up; use upgrade '+1'.");
        }
    }

    @Nested
    class Downgrades {

        @Test
        void aDowngradeTargetMustBeApplied() {
            assertThatThrownBy(() -> linear.downgrade(List.of(B), D))
                    .hasMessage("Destination " + D + " is not a valid downgrade target from current head(s) " + B + ": "
                            + D + " is not applied, so the database cannot be downgraded to it.");
        }

        @Test
        void aDatabaseRevisionTheCodeDoesNotKnowIsNamed() {
            assertThatThrownBy(() -> linear.upgrade(List.of("deadbeef0000"), "heads"))
                    .hasMessage("The database holds revision(s) deadbeef0000 that the revisions location does not "
                            + "contain. Was a revision file deleted, or is this application older than the database? "
                            + "Restore the revision, or run 'stamp' to correct the version table.");
        }
    }

    @Nested
    class Syntax {

        @Test
        void anEmptyTargetIsRefused() {
            assertThatThrownBy(() -> Target.parse(" ")).hasMessage("Invalid target ' ': a target is required.");
        }

        @Test
        void aLabelNeedsSomethingOnBothSidesOfTheAt() {
            assertThatThrownBy(() -> Target.parse("@head"))
                    .hasMessage("Invalid target '@head': expected '<label>@<target>', such as 'mybranch@head'.");
            assertThatThrownBy(() -> Target.parse("a@b@c"))
                    .hasMessage("Invalid target 'a@b@c': expected '<label>@<target>', such as 'mybranch@head'.");
        }

        @Test
        void aRangeIsOnlyForHistoryAndOfflineRuns() {
            assertThatThrownBy(() -> Target.parse("a:b"))
                    .hasMessage("Invalid target 'a:b': a 'start:end' range is only accepted by history and by offline "
                            + "(--sql) runs.");
            assertThat(Target.parseRange("a:")).isEqualTo(new Target.Range("a:", new Target.Ref("a", "a"), null));
            assertThat(Target.parseRange(":b").start()).isNull();
            assertThatThrownBy(() -> Target.parseRange("a:b:c"))
                    .hasMessage("Invalid target 'a:b:c': a range has exactly one ':'.");
        }

        @Test
        void aZeroStepIsRefused() {
            assertThatThrownBy(() -> Target.parse("+0")).hasMessage("Invalid target '+0': a relative step must not be zero.");
        }

        @Test
        void aNameWithReservedCharactersIsNotATarget() {
            assertThatThrownBy(() -> Target.parse("my-branch"))
                    .hasMessageStartingWith("Invalid target 'my-branch': 'my-branch' is not a revision id or label:");
        }

        @Test
        void formsParseToTheirShapes() {
            assertThat(Target.parse("billing@-2")).isEqualTo(new Target.OnBranch("billing@-2", "billing",
                    new Target.Relative("-2", null, -2)));
            assertThat(Target.parse("head-2")).isEqualTo(new Target.Relative("head-2", new Target.Head("head"), -2));
            assertThat(Target.parse("ae10+1")).isEqualTo(new Target.Relative("ae10+1", new Target.Ref("ae10", "ae10"), 1));
        }
    }
}
