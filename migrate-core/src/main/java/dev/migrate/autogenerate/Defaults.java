package dev.migrate.autogenerate;

import java.util.Locale;

/**
 * Compares server defaults the way the database means them: {@code 'DRAFT'::character varying} and {@code 'DRAFT'}
 * are the same default, and so are {@code now()} and {@code CURRENT_TIMESTAMP}.
 */
final class Defaults {

    private Defaults() {
    }

    static boolean same(String wanted, String present) {
        if (present == null) {
            return wanted == null;
        }
        return normalize(wanted).equals(normalize(present));
    }

    static String normalize(String expression) {
        String text = expression.strip();
        // Casts PostgreSQL adds: 'x'::character varying, 0::numeric, '{}'::jsonb
        text = text.replaceAll("::[a-zA-Z_ ]+(\\([0-9, ]*\\))?(\\[\\])?", "");
        while (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("now()") || lower.equals("current_timestamp") || lower.equals("localtimestamp")
                || lower.equals("current_timestamp()")) {
            return "current_timestamp";
        }
        if (lower.equals("true") || lower.equals("false")) {
            return lower;
        }
        return text.startsWith("'") ? text : lower;
    }
}
