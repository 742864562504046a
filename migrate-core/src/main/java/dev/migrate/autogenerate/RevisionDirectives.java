package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.revision.Revision;

/**
 * What {@code revision} is about to write, for {@link RevisionCustomizer}s to change before the file exists, as
 * Alembic's {@code process_revision_directives} does: the changes autogenerate found (a list to edit: remove, reorder,
 * replace), the new revision's identity, and whether to write it at all.
 */
public final class RevisionDirectives {

    private Revision revision;

    private final List<Change> changes;

    private final boolean autogenerate;

    private boolean skipped;

    public RevisionDirectives(Revision revision, List<Change> changes, boolean autogenerate) {
        this.revision = revision;
        this.changes = new ArrayList<>(changes);
        this.autogenerate = autogenerate;
    }

    /** The new revision's identity (id, parents, labels, dependencies, message). */
    public Revision revision() {
        return revision;
    }

    /** Changes the new revision's identity, a message say: {@code revision(revision().withMessage(...))}. */
    public void revision(Revision changed) {
        this.revision = changed;
    }

    /** The changes the revision will hold, in order; edit the list to change what is written. */
    public List<Change> changes() {
        return changes;
    }

    /** Whether the changes come from autogenerate (an empty revision otherwise). */
    public boolean autogenerate() {
        return autogenerate;
    }

    /** Writes no file: Alembic's {@code directives[:] = []}. */
    public void skip() {
        this.skipped = true;
    }

    public boolean skipped() {
        return skipped;
    }
}
