package dev.migrate.script;

import java.util.Locale;

import dev.migrate.MigrateException;

/**
 * Where revisions are found: {@code classpath:db/revisions} (SQL files under that resource folder and Java
 * revision classes in the package {@code db.revisions}) or {@code filesystem:/srv/revisions} (SQL files in a
 * folder, run without rebuilding the application). A location without a prefix is on the classpath.
 *
 * @param onClasspath whether the path is a classpath resource folder rather than a file-system folder
 * @param path the folder, with {@code /} separators and no leading or trailing slash on the classpath
 */
public record Location(boolean onClasspath, String path) {

    public static final String CLASSPATH = "classpath:";

    public static final String FILESYSTEM = "filesystem:";

    /**
     * Parses a location.
     *
     * @throws MigrateException when the prefix is unknown or the path is empty
     */
    public static Location parse(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.indexOf(':');
        if (colon > 1) {
            String prefix = value.substring(0, colon + 1).toLowerCase(Locale.ROOT);
            if (prefix.equals(CLASSPATH)) {
                return classpath(value.substring(colon + 1));
            }
            if (prefix.equals(FILESYSTEM)) {
                String path = value.substring(colon + 1);
                if (path.isBlank()) {
                    throw new MigrateException("Revisions location '" + text + "' names no folder.");
                }
                return new Location(false, path);
            }
            throw new MigrateException("Revisions location '" + text + "' has an unknown prefix '" + prefix
                    + "'; use 'classpath:' or 'filesystem:'.");
        }
        return classpath(value);
    }

    private static Location classpath(String path) {
        String cleaned = path.replace('\\', '/').replaceAll("^/+|/+$", "");
        if (cleaned.isEmpty()) {
            throw new MigrateException("A classpath revisions location must name a folder, such as classpath:db/revisions; "
                    + "scanning the whole classpath is refused.");
        }
        return new Location(true, cleaned);
    }

    /** The Java package of classes in this classpath location. */
    public String packageName() {
        return path.replace('/', '.');
    }

    @Override
    public String toString() {
        return (onClasspath ? CLASSPATH : FILESYSTEM) + path;
    }
}
