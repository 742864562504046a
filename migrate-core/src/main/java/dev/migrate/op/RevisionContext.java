package dev.migrate.op;

import java.util.Map;

/**
 * What a run was given besides its target, for revisions to read through {@link Operations#context()}: the
 * {@code -x key=value} arguments (Alembic's {@code context.get_x_argument(as_dictionary=True)}) and the
 * {@code --tag} (its {@code get_tag_argument()}), which the history table also records.
 *
 * <p>A revision's checksum is always taken with no arguments, so that what a run was given cannot make an applied
 * revision look edited.
 *
 * @param arguments the {@code -x} arguments by key
 * @param tag the run's tag, or {@code null}
 */
public record RevisionContext(Map<String, String> arguments, String tag) {

    /** No arguments and no tag. */
    public static final RevisionContext NONE = new RevisionContext(Map.of(), null);

    public RevisionContext {
        arguments = Map.copyOf(arguments);
    }

    /** The {@code -x} argument of this key, or {@code null}. */
    public String argument(String key) {
        return arguments.get(key);
    }

    /** The {@code -x} argument of this key, or {@code fallback}. */
    public String argument(String key, String fallback) {
        return arguments.getOrDefault(key, fallback);
    }
}
