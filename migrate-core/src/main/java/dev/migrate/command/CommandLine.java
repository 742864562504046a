package dev.migrate.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line split into the command, its positional arguments and its options. Words are separated by
 * whitespace; single or double quotes keep a message together ({@code -m "add users"}). A word such as {@code -1}
 * is a relative target, not an option.
 *
 * @param command the command's name
 * @param positionals the arguments that are not options, in order
 * @param options option values by their long name (flags map to "true"); repeatable options keep every value
 */
public record CommandLine(String command, List<String> positionals, Map<String, List<String>> options) {

    /** Thrown for a command line that cannot be understood; the message says how it should read. */
    public static final class UsageException extends RuntimeException {

        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses {@code text} knowing which options take a value and which are flags, and their short aliases.
     */
    static CommandLine parse(List<String> words, Map<String, String> aliases, Set<String> valued, Set<String> flags) {
        if (words.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = words.get(0);
        List<String> positionals = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("-") || word.matches("-\\d+") || word.equals("-")) {
                positionals.add(word);
                continue;
            }
            String name = word;
            String inlineValue = null;
            int equals = word.indexOf('=');
            if (word.startsWith("--") && equals > 0) {
                name = word.substring(0, equals);
                inlineValue = word.substring(equals + 1);
            }
            else if (!word.startsWith("--") && word.length() > 2) {
                // -r-3:current, as Alembic's users write negative ranges
                inlineValue = word.substring(2);
                name = word.substring(0, 2);
            }
            String option = aliases.getOrDefault(name, name);
            if (flags.contains(option)) {
                if (inlineValue != null) {
                    throw new UsageException("option " + name + " takes no value");
                }
                options.computeIfAbsent(option, any -> new ArrayList<>()).add("true");
            }
            else if (valued.contains(option)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= words.size()) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = words.get(++i);
                }
                options.computeIfAbsent(option, any -> new ArrayList<>()).add(value);
            }
            else {
                throw new UsageException("unknown option " + name + " for '" + command + "'");
            }
        }
        return new CommandLine(command, List.copyOf(positionals), options);
    }

    /** Splits a command line into words, honouring single and double quotes. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                else {
                    word.append(c);
                }
            }
            else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            }
            else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            }
            else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new UsageException("unclosed quote in: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String option(String name) {
        List<String> values = options.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw new UsageException("option " + name + " is given more than once");
        }
        return values.get(0);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }
}
