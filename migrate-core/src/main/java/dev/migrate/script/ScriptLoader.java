package dev.migrate.script;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Reads a {@link ScriptDirectory} once: on the caller's thread when it is first asked for, or on a thread of its own
 * when a run starts, so that reading the revisions overlaps opening the connection and taking the lock (as Flyway,
 * Migrate does not read revisions before they are needed). A failed read is kept: every later call throws the
 * same exception.
 */
public final class ScriptLoader implements Supplier<ScriptDirectory> {

    private final Supplier<ScriptDirectory> read;

    private CompletableFuture<ScriptDirectory> result;

    private ScriptLoader(Supplier<ScriptDirectory> read) {
        this.read = read;
    }

    /** Revisions given directly. */
    public static ScriptLoader of(ScriptDirectory scripts) {
        ScriptLoader loader = new ScriptLoader(() -> scripts);
        loader.result = CompletableFuture.completedFuture(scripts);
        return loader;
    }

    /** Revisions to be found in {@code locations}. */
    public static ScriptLoader of(List<Location> locations, ClassLoader classLoader) {
        return new ScriptLoader(() -> ScriptDirectory.load(locations, classLoader));
    }

    /** Starts reading on a daemon thread, unless reading has started already. */
    public synchronized void startInBackground() {
        if (result == null) {
            result = CompletableFuture.supplyAsync(read, task -> {
                Thread thread = new Thread(task, "migrate-read-revisions");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    /**
     * The revisions, read now if nobody started reading them.
     *
     * @throws ScriptException for a revision that cannot be read
     * @throws dev.migrate.revision.RevisionGraphException when the revisions do not form a valid graph
     */
    @Override
    public ScriptDirectory get() {
        CompletableFuture<ScriptDirectory> pending;
        synchronized (this) {
            if (result == null) {
                result = new CompletableFuture<>();
                try {
                    result.complete(read.get());
                }
                catch (RuntimeException | Error ex) {
                    result.completeExceptionally(ex);
                }
            }
            pending = result;
        }
        try {
            return pending.join();
        }
        catch (CompletionException ex) {
            // The exception the read threw, whichever thread it ran on.
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw ex;
        }
    }
}
