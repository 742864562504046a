package dev.migrate.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL script into statements at semicolons that are outside string literals ({@code '...'},
 * {@code E'...'}), quoted identifiers, dollar-quoted bodies ({@code $body$ ... $body$}) and comments, so that each
 * statement runs, and fails, on its own, with the line it starts on.
 */
public final class SqlSplitter {

    /**
     * One statement of a script.
     *
     * @param sql the statement, without its terminating semicolon
     * @param line the line it starts on, counted from 1 within the text given
     */
    public record Statement(String sql, int line) {
    }

    private SqlSplitter() {
    }

    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean meaningful = false;
        int line = 1;
        int startLine = 1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            int end;
            if (c == '-' && next == '-') {
                end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
            }
            else if (c == '/' && next == '*') {
                end = blockCommentEnd(script, i);
            }
            else if (c == '\'') {
                boolean escapes = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)) && script.charAt(i - 2) != '_');
                end = quotedEnd(script, i, '\'', escapes);
            }
            else if (c == '"') {
                end = quotedEnd(script, i, '"', false);
            }
            else if (c == '$' && (i == 0 || !isIdentifierPart(script.charAt(i - 1))) && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int close = script.indexOf(tag, i + tag.length());
                end = close < 0 ? n : close + tag.length();
            }
            else if (c == ';') {
                if (meaningful) {
                    statements.add(new Statement(current.toString().strip(), startLine));
                }
                current.setLength(0);
                meaningful = false;
                i++;
                continue;
            }
            else {
                end = i + 1;
            }
            String piece = script.substring(i, end);
            boolean comment = c == '-' && next == '-' || c == '/' && next == '*';
            if (!meaningful && !comment && !piece.isBlank()) {
                meaningful = true;
                startLine = line;
            }
            if (meaningful || !comment) {
                current.append(piece);
            }
            line += count(piece, '\n');
            i = end;
        }
        if (meaningful) {
            statements.add(new Statement(current.toString().strip(), startLine));
        }
        return statements;
    }

    private static int blockCommentEnd(String script, int start) {
        int depth = 0;
        int i = start;
        while (i < script.length() - 1) {
            if (script.charAt(i) == '/' && script.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            }
            else if (script.charAt(i) == '*' && script.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            }
            else {
                i++;
            }
        }
        return script.length();
    }

    private static int quotedEnd(String script, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    /** {@code $tag$} or {@code $$} starting at {@code start}, or {@code null} ({@code $1} is a parameter). */
    private static String dollarTag(String script, int start) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '$') {
                return script.substring(start, i + 1);
            }
            boolean valid = Character.isLetter(c) || c == '_' || i > start + 1 && Character.isDigit(c);
            if (!valid) {
                return null;
            }
            i++;
        }
        return null;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int count(String text, char c) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }
}
