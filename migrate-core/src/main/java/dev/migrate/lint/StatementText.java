package dev.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement reduced to what the rules read: comments gone, string literals and dollar-quoted bodies emptied (so
 * that text inside them is never taken for SQL), whitespace collapsed.
 */
final class StatementText {

    private StatementText() {
    }

    static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
            }
            else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 0;
                do {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    }
                    else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    }
                    else {
                        i++;
                    }
                }
                while (i < n && depth > 0);
                out.append(' ');
            }
            else if (c == '\'') {
                // E'...' strings take backslash escapes: E'\'' is one quote, not the string's end.
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !identifierPart(sql.charAt(i - 2)));
                i++;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (escapes && d == '\\') {
                        i += 2;
                        continue;
                    }
                    if (d == '\'' && (i + 1 >= n || sql.charAt(i + 1) != '\'')) {
                        break;
                    }
                    i += d == '\'' ? 2 : 1;
                }
                i++;
                out.append("''");
            }
            else if (c == '$' && (i == 0 || !identifierPart(sql.charAt(i - 1))) && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
                out.append("$$$$");
            }
            else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                end = end < 0 ? n - 1 : end;
                out.append(sql, i, end + 1);
                i = end + 1;
            }
            else {
                out.append(Character.isWhitespace(c) ? ' ' : c);
                i++;
            }
        }
        String text = out.toString().replaceAll(" +", " ").strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
    }

    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The {@code $tag$} that opens a dollar-quoted string at {@code i}, or {@code null}. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }

    /** The parts of a comma-separated list at the top level (commas inside parentheses do not split). */
    static List<String> topLevelParts(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            else if (!quoted && c == '(') {
                depth++;
            }
            else if (!quoted && c == ')') {
                depth--;
            }
            else if (!quoted && c == ',' && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    /** A name as PostgreSQL resolves it, schema and all: unquoted parts fold to lower case, quotes go. */
    static String key(String name) {
        StringBuilder key = new StringBuilder();
        for (String part : parts(name)) {
            key.append(key.length() == 0 ? "" : ".").append(part);
        }
        return key.toString();
    }

    /** A name as {@code to_regclass} reads it: every part quoted, as PostgreSQL resolved it. */
    static String regclass(String name) {
        StringBuilder text = new StringBuilder();
        for (String part : parts(name)) {
            text.append(text.length() == 0 ? "" : ".").append('"').append(part.replace("\"", "\"\"")).append('"');
        }
        return text.toString();
    }

    private static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.' && !quoted) {
                String part = name.substring(start, i).strip();
                parts.add(part.startsWith("\"") && part.endsWith("\"") && part.length() > 1
                        ? part.substring(1, part.length() - 1).replace("\"\"", "\"") : part.toLowerCase(Locale.ROOT));
                start = i + 1;
            }
            else if (name.charAt(i) == '"') {
                quoted = !quoted;
            }
        }
        return parts;
    }

    /** A name as PostgreSQL resolves it, without its schema: unquoted parts fold to lower case. */
    static String unqualified(String name) {
        String last = name;
        int dot = lastDotOutsideQuotes(name);
        if (dot >= 0) {
            last = name.substring(dot + 1);
        }
        return last.startsWith("\"") && last.endsWith("\"") && last.length() > 1
                ? last.substring(1, last.length() - 1).replace("\"\"", "\"") : last.toLowerCase(Locale.ROOT);
    }

    private static int lastDotOutsideQuotes(String name) {
        boolean quoted = false;
        int dot = -1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            else if (c == '.' && !quoted) {
                dot = i;
            }
        }
        return dot;
    }
}
