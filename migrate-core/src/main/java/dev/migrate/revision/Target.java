package dev.migrate.revision;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed target of Alembic's grammar: {@code head}, {@code heads}, {@code base}, {@code current}, a revision id,
 * prefix or branch label, {@code <label>@<target>}, and relative steps {@code +N}, {@code -N}, {@code <rev>+N},
 * {@code <label>@-N}. Parsing only checks the form; what a target means depends on the graph and the database.
 */
public sealed interface Target {

    /** The text the user wrote, for messages. */
    String text();

    /** {@code heads}: every head. */
    record Heads(String text) implements Target {
    }

    /** {@code head}: the single head. */
    record Head(String text) implements Target {
    }

    /** {@code base}: before the first revision. */
    record Base(String text) implements Target {
    }

    /** {@code current}: the revisions the database is at. */
    record Current(String text) implements Target {
    }

    /** A revision id, a unique prefix of one, or a branch label. */
    record Ref(String text, String name) implements Target {
    }

    /** {@code <label>@<target>}: a target restricted to one branch. The label may also be a revision id. */
    record OnBranch(String text, String branch, Target target) implements Target {
    }

    /** {@code [anchor](+|-)N}: N steps from the anchor, or from the database's current revision without one. */
    record Relative(String text, Target anchor, int steps) implements Target {
    }

    /** A {@code start:end} range; either end may be absent. */
    record Range(String text, Target start, Target end) {
    }

    Pattern RELATIVE = Pattern.compile("^(.*?)([+-]\\d+)$");

    /**
     * Parses a single target.
     *
     * @throws ResolutionException when the text is not of the grammar's form
     */
    static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw ResolutionException.invalidTarget(String.valueOf(text), "a target is required");
        }
        String trimmed = text.strip();
        if (trimmed.contains(":")) {
            throw ResolutionException.invalidTarget(trimmed,
                    "a 'start:end' range is only accepted by history and by offline (--sql) runs");
        }
        int at = trimmed.indexOf('@');
        if (at >= 0) {
            String branch = trimmed.substring(0, at);
            String rest = trimmed.substring(at + 1);
            if (branch.isEmpty() || rest.isEmpty() || rest.contains("@")) {
                throw ResolutionException.invalidTarget(trimmed, "expected '<label>@<target>', such as 'mybranch@head'");
            }
            checkName(trimmed, branch);
            return new OnBranch(trimmed, branch, parseWithinBranch(trimmed, rest));
        }
        return parseWithinBranch(trimmed, trimmed);
    }

    /**
     * Parses {@code start:end}, where either side may be empty (history defaults them to base and heads).
     */
    static Range parseRange(String text) {
        if (text == null) {
            return new Range("", null, null);
        }
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            throw ResolutionException.invalidTarget(trimmed, "expected a range 'start:end'");
        }
        if (trimmed.indexOf(':', colon + 1) >= 0) {
            throw ResolutionException.invalidTarget(trimmed, "a range has exactly one ':'");
        }
        String start = trimmed.substring(0, colon);
        String end = trimmed.substring(colon + 1);
        return new Range(trimmed, start.isBlank() ? null : parse(start), end.isBlank() ? null : parse(end));
    }

    private static Target parseWithinBranch(String whole, String text) {
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            int steps;
            try {
                steps = Integer.parseInt(relative.group(2));
            }
            catch (NumberFormatException ex) {
                throw ResolutionException.invalidTarget(whole, "the step count is too large");
            }
            if (steps == 0) {
                throw ResolutionException.invalidTarget(whole, "a relative step must not be zero");
            }
            String anchor = relative.group(1);
            return new Relative(text, anchor.isEmpty() ? null : word(whole, anchor), steps);
        }
        return word(whole, text);
    }

    private static Target word(String whole, String text) {
        return switch (text) {
            case "heads" -> new Heads(text);
            case "head" -> new Head(text);
            case "base" -> new Base(text);
            case "current" -> new Current(text);
            default -> {
                checkName(whole, text);
                yield new Ref(text, text);
            }
        };
    }

    private static void checkName(String whole, String name) {
        String problem = Revision.problemWithName(name);
        if (problem != null && !name.equals("current")) {
            throw ResolutionException.invalidTarget(whole, "'" + name + "' is not a revision id or label: " + problem);
        }
    }
}
