package dev.migrate.revision;

import java.util.Collection;
import java.util.stream.Collectors;

import dev.migrate.MigrateException;

/**
 * A target (such as {@code head}, {@code ae10}, {@code -1} or {@code mybranch@head}) cannot be resolved against
 * the revision graph and the database's current revisions. The wording of every such error lives here.
 */
public class ResolutionException extends MigrateException {

    public ResolutionException(String message) {
        super(message);
    }

    static ResolutionException noSuchRevision(String name) {
        String hint = name.length() < 4 && name.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                ? "; use at least four characters of a revision id to match it by prefix" : "";
        return new ResolutionException("Can't locate revision identified by '" + name + "': no revision id, unique id "
                + "prefix or branch label is '" + name + "'" + hint + ".");
    }

    static ResolutionException ambiguousPrefix(String prefix, Collection<String> candidates) {
        return new ResolutionException("Multiple revisions start with '" + prefix + "': " + join(candidates)
                + ". Use more characters of the id.");
    }

    static ResolutionException notABranch(String label, String id) {
        return new ResolutionException("Revision '" + id + "' is not on the branch '" + label + "'.");
    }

    static ResolutionException invalidTarget(String text, String why) {
        return new ResolutionException("Invalid target '" + text + "': " + why + ".");
    }

    static ResolutionException ambiguousWalk(String target, String at, String why) {
        return new ResolutionException("Ambiguous walk for '" + target + "': " + at + " " + why
                + "; name the revision to go to, or narrow the walk to one branch with '<label>@" + stripBranch(target) + "'.");
    }

    static ResolutionException ambiguousCurrent(String target, boolean upward, Collection<String> rows) {
        return new ResolutionException((upward ? "Ambiguous upgrade from multiple current revisions"
                : stripBranch(target) + " from multiple heads is ambiguous") + " (" + join(rows) + "): use '<label>@"
                + stripBranch(target) + "' or a revision id to say which branch to move.");
    }

    static ResolutionException walkedOffTop(String target, int steps, String from, int possible) {
        return new ResolutionException("Relative revision " + target + " didn't produce " + Math.abs(steps)
                + " migrations: it walks past the top of the graph, only " + possible + " revision(s) follow " + from
                + ".");
    }

    static ResolutionException walkedBelowBase(String target, int steps, String from, int possible) {
        return new ResolutionException("Relative revision " + target + " didn't produce " + Math.abs(steps)
                + " migrations: it walks below base, " + from + " is only " + possible + " revision(s) above base.");
    }

    static ResolutionException relativeCountDiffers(String target, int steps, Collection<String> added) {
        return new ResolutionException("Relative revision " + target + " didn't produce " + Math.abs(steps)
                + " migrations: reaching it needs " + added.size() + " (" + join(added) + "), since a revision on "
                + "the way depends on others that are not applied. Upgrade to a named revision to run them all.");
    }

    static ResolutionException walkWouldUndoMore(String target, Collection<String> walked, Collection<String> others) {
        return new ResolutionException("Relative revision " + target + " would undo " + join(walked) + ", but "
                + join(others) + " follow or depend on " + (walked.size() == 1 ? "it" : "them")
                + " and would have to be undone too. Downgrade those first, or name the revision to go down to.");
    }

    static ResolutionException notApplied(String target, String id, Collection<String> rows) {
        return new ResolutionException("Destination " + id + " is not a valid downgrade target from current head(s) "
                + (rows.isEmpty() ? "base" : join(rows)) + ": " + id + (id.equals(target) ? "" : " (from '" + target
                + "')") + " is not applied, so the database cannot be downgraded to it.");
    }

    static ResolutionException unknownCurrent(Collection<String> unknown) {
        return new ResolutionException("The database holds revision(s) " + join(unknown)
                + " that the revisions location does not contain. Was a revision file deleted, or is this "
                + "application older than the database? Restore the revision, or run 'stamp' to correct the version table.");
    }

    static ResolutionException rowsOfOneLineage(Collection<String> rows, String ancestor, Collection<String> above,
            Collection<String> tops) {
        return new ResolutionException("The version table holds " + join(rows) + ", but " + ancestor + " comes before "
                + join(above) + " in the graph: a run never leaves two rows of one lineage, so the table was edited by "
                + "hand or by another tool. Nothing was run. Set the table to what the database really holds with "
                + "'stamp', for example 'stamp " + String.join(" ", tops) + "' if the changes of " + join(tops)
                + " are applied.");
    }

    static String join(Collection<String> ids) {
        return ids.stream().collect(Collectors.joining(", "));
    }

    private static String stripBranch(String target) {
        int at = target.indexOf('@');
        return at < 0 ? target : target.substring(at + 1);
    }
}
