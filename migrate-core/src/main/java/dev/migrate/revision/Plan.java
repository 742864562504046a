package dev.migrate.revision;

import java.util.List;

/**
 * The ordered steps that take the database from one set of version-table rows to another.
 *
 * @param fromRows the version-table rows before the plan
 * @param toRows the version-table rows after the plan
 * @param steps the steps, in the order they must run
 */
public record Plan(List<String> fromRows, List<String> toRows, List<Step> steps) {

    public Plan {
        fromRows = List.copyOf(fromRows);
        toRows = List.copyOf(toRows);
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Ids of the revisions in step order, for logs and tests. */
    public List<String> revisionIds() {
        return steps.stream().map(step -> step.revision().id()).toList();
    }
}
