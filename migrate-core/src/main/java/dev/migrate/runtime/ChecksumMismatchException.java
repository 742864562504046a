package dev.migrate.runtime;

import java.util.List;

import dev.migrate.MigrateException;

/** Applied revisions were edited after they ran. */
public class ChecksumMismatchException extends MigrateException {

    private final List<String> revisions;

    public ChecksumMismatchException(String message, List<String> revisions) {
        super(message);
        this.revisions = List.copyOf(revisions);
    }

    /** The ids of the edited revisions. */
    public List<String> revisions() {
        return revisions;
    }
}
