package dev.migrate.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrate.MigrateException;
import dev.migrate.revision.ResolutionException;
import dev.migrate.revision.RevisionGraphException;
import dev.migrate.runtime.ChecksumMismatchException;
import dev.migrate.runtime.LockTimeoutException;
import dev.migrate.runtime.OperationRefusedException;
import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.script.ScriptException;

/** Turns a failed start-up migration into a report that says what went wrong and what to do. */
class MigrateFailureAnalyzer extends AbstractFailureAnalyzer<MigrateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
        return new FailureAnalysis("Migrate could not bring the database to its target:\n\n" + cause.getMessage(),
                action(cause), cause);
    }

    private static String action(MigrateException cause) {
        if (cause instanceof MigrationFailedException failed) {
            return "Fix revision " + failed.revision() + " (or the data it ran into) and start the application again. "
                    + "The revisions before it stay applied; the version table is at " + failed.describeRowsAfter() + ".";
        }
        if (cause instanceof ChecksumMismatchException) {
            return "Undo the edit of the applied revision and put the change in a new one, or, if the edit changes "
                    + "nothing in the database, record its new checksum: start once with migrate.command=repair.";
        }
        if (cause instanceof OperationRefusedException) {
            return "Nothing was run. Change the revision so that the operation named above can run here (for example "
                    + "without that option on this database, or in a revision declared non-transactional), or run it on "
                    + "a database that has the feature (PostgreSQL).";
        }
        if (cause instanceof LockTimeoutException) {
            return "Wait for the other process to finish migrating, or raise migrate.lock-wait.";
        }
        if (cause instanceof RevisionGraphException || cause instanceof ScriptException) {
            return "Correct the revision files named above; nothing was run.";
        }
        if (cause instanceof ResolutionException) {
            return "Check migrate.target and the revisions in migrate.locations; nothing was run.";
        }
        return "See the message above; check the migrate.* properties.";
    }
}
