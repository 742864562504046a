package dev.migrate.revision;

import java.util.List;

import dev.migrate.MigrateException;

/**
 * The revisions do not form a valid graph: duplicate ids, a missing parent or dependency, a cycle, a
 * branch label used twice, or a name the target grammar cannot use. Every problem found is listed.
 */
public class RevisionGraphException extends MigrateException {

    private final List<String> problems;

    public RevisionGraphException(List<String> problems) {
        super(problems.size() == 1 ? "Invalid revision graph: " + problems.get(0)
                : "Invalid revision graph (" + problems.size() + " problems):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one sentence apiece, naming the revisions involved. */
    public List<String> problems() {
        return problems;
    }
}
