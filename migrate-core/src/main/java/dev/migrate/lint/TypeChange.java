package dev.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether changing a column from one type to another leaves the table as it is: PostgreSQL skips the rewrite when
 * the new type is binary-coercible and no stored value can fail it (a wider varchar, varchar to text, numeric with
 * more precision at the same scale).
 */
final class TypeChange {

    private static final Pattern TYPE = Pattern.compile("^([a-z ]+?)\\s*(?:\\(([0-9 ,]+)\\))?$");

    private static final Map<String, String> SYNONYMS = Map.of("character varying", "varchar", "decimal", "numeric",
            "int", "integer", "int4", "integer", "int8", "bigint", "int2", "smallint");

    private TypeChange() {
    }

    private record Type(String name, List<Integer> arguments) {
    }

    static boolean rewritesNothing(String from, String to) {
        Type old = parse(from);
        Type next = parse(to);
        if (old == null || next == null) {
            return false;
        }
        if (old.equals(next)) {
            return true;
        }
        if (old.name().equals("varchar")) {
            return next.name().equals("text") || next.name().equals("varchar") && (next.arguments().isEmpty()
                    || !old.arguments().isEmpty() && next.arguments().get(0) >= old.arguments().get(0));
        }
        if (old.name().equals("text")) {
            return next.name().equals("varchar") && next.arguments().isEmpty();
        }
        if (old.name().equals("numeric") && next.name().equals("numeric")) {
            if (next.arguments().isEmpty()) {
                return true;
            }
            if (old.arguments().isEmpty()) {
                return false;
            }
            return scale(old) == scale(next) && next.arguments().get(0) >= old.arguments().get(0);
        }
        return false;
    }

    private static int scale(Type numeric) {
        return numeric.arguments().size() > 1 ? numeric.arguments().get(1) : 0;
    }

    private static Type parse(String text) {
        Matcher matcher = TYPE.matcher(text.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " "));
        if (!matcher.matches()) {
            return null;
        }
        String name = matcher.group(1).strip();
        List<Integer> arguments = new ArrayList<>();
        if (matcher.group(2) != null) {
            for (String argument : matcher.group(2).split(",")) {
                try {
                    arguments.add(Integer.parseInt(argument.strip()));
                }
                catch (NumberFormatException ex) {
                    // Not a size PostgreSQL takes: nothing safe can be said of it.
                    return null;
                }
            }
        }
        return new Type(SYNONYMS.getOrDefault(name, name), arguments);
    }
}
