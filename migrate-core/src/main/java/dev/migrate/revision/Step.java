package dev.migrate.revision;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a plan: apply or unapply one revision, and the change it makes to the version table's rows.
 * Rows are the applied revisions nothing applied depends on, so branches and merges are represented exactly.
 *
 * @param direction apply ({@code UPGRADE}) or unapply ({@code DOWNGRADE})
 * @param revision the revision
 * @param deletedRows version-table rows this step removes
 * @param insertedRows version-table rows this step adds
 */
public record Step(Direction direction, Revision revision, List<String> deletedRows, List<String> insertedRows) {

    public Step {
        deletedRows = List.copyOf(deletedRows);
        insertedRows = List.copyOf(insertedRows);
    }

    /**
     * How the version table changes, in Alembic's terms: {@code insert} (a new branch), {@code delete} (a branch
     * closes), {@code update} (a linear step), {@code delete+update} (crossing a merge upwards) or
     * {@code insert+update} (crossing a merge downwards).
     */
    public String versionChange() {
        int deleted = deletedRows.size();
        int inserted = insertedRows.size();
        if (deleted == 1 && inserted == 1) {
            return "update";
        }
        if (deleted == 0) {
            return inserted == 1 ? "insert" : "insert+update";
        }
        if (inserted == 0) {
            return "delete";
        }
        return deleted > inserted ? "delete+update" : "insert+update";
    }

    /**
     * The version-table rows after {@code steps} run from {@code rows}, in order.
     *
     * @throws IllegalStateException when a step removes a row that is not there (the steps do not start from
     *     {@code rows})
     */
    public static List<String> rowsAfter(List<String> rows, List<Step> steps) {
        List<String> result = new ArrayList<>(rows);
        for (Step step : steps) {
            if (!result.containsAll(step.deletedRows())) {
                throw new IllegalStateException("Step " + step + " removes version rows " + step.deletedRows()
                        + " but the rows are " + result);
            }
            result.removeAll(step.deletedRows());
            result.addAll(step.insertedRows());
        }
        return result;
    }

    @Override
    public String toString() {
        return direction.label() + " " + revision.id();
    }
}
