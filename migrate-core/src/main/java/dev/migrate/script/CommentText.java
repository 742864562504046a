package dev.migrate.script;

/**
 * Text from outside (a revision message, a name read from the database) made safe for the comments of files and
 * scripts that other programs read: nothing in it can end the comment early or become code.
 */
public final class CommentText {

    private CommentText() {
    }

    /**
     * For an SQL {@code --} comment or a one-line header value: every line terminator a database, an editor or a tool
     * may honour (CR, LF, NEL, vertical tab, form feed, the Unicode line and paragraph separators, and other
     * control characters) becomes a space.
     */
    public static String sqlLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            line.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return line.toString();
    }

    /**
     * For a Java {@code //} comment: as {@link #sqlLine}, and every backslash that the compiler would read as the
     * start of a Unicode escape ({@code \u000a} is a line break to javac, even in a comment) is doubled, which makes
     * it an ordinary character.
     */
    public static String javaLine(String text) {
        String line = sqlLine(text);
        StringBuilder safe = new StringBuilder(line.length());
        int backslashes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == 'u' && backslashes % 2 == 1) {
                safe.append('\\');
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            safe.append(c);
        }
        return safe.toString();
    }

    /** For Javadoc: as {@link #javaLine}, and neither {@code *}{@code /} nor a leading {@code @} can act. */
    public static String javadoc(String text) {
        String line = javaLine(text).replace("*/", "*&#47;");
        return line.startsWith("@") ? "&#64;" + line.substring(1) : line;
    }
}
