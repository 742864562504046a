package dev.migrate.script;

import java.nio.file.Path;

/**
 * Runs on a new revision file once it is written, as Alembic's {@code post_write_hooks} do: typically a formatter
 * that rewrites the file in place. A hook that fails throws a {@link dev.migrate.MigrateException} naming the file,
 * which stays as it was written.
 */
@FunctionalInterface
public interface PostWriteHook {

    void run(Path file);
}
