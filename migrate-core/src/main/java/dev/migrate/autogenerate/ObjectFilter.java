package dev.migrate.autogenerate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which objects autogenerate compares, as Alembic's {@code include_object}: an object left out is neither added, nor
 * changed, nor dropped, whichever side has it. A table left out takes its columns, keys, indexes and constraints with
 * it.
 */
@FunctionalInterface
public interface ObjectFilter {

    /** What kind of object is asked about. */
    enum Kind {
        TABLE, COLUMN, INDEX, UNIQUE_CONSTRAINT, FOREIGN_KEY, CHECK, SEQUENCE, ENUM_TYPE
    }

    /**
     * Whether to compare the object.
     *
     * @param table the table it belongs to ({@code null} for a table, a sequence or an enum type)
     * @param name its name ({@code null} for a constraint the database named)
     */
    boolean include(Kind kind, String table, String name);

    /** Every object. */
    ObjectFilter ALL = (kind, table, name) -> true;

    /** Both filters must include the object. */
    default ObjectFilter and(ObjectFilter other) {
        return (kind, table, name) -> include(kind, table, name) && other.include(kind, table, name);
    }

    /**
     * Filters by name patterns ({@code *} matches any run of characters): tables, sequences and enum types by their
     * names, columns as {@code table.column}, indexes and constraints by their names.
     *
     * @param include table, sequence and enum type patterns to compare; empty for all
     * @param exclude table, sequence and enum type patterns to leave out
     * @param excludeColumns {@code table.column} patterns to leave out
     * @param excludeIndexes index and constraint name patterns to leave out
     */
    static ObjectFilter patterns(List<String> include, List<String> exclude, List<String> excludeColumns,
            List<String> excludeIndexes) {
        List<Pattern> included = include.stream().map(ObjectFilter::glob).toList();
        List<Pattern> excluded = exclude.stream().map(ObjectFilter::glob).toList();
        List<Pattern> columns = excludeColumns.stream().map(ObjectFilter::glob).toList();
        List<Pattern> indexes = excludeIndexes.stream().map(ObjectFilter::glob).toList();
        return (kind, table, name) -> switch (kind) {
            case TABLE, SEQUENCE, ENUM_TYPE -> (included.isEmpty() || matches(included, name)) && !matches(excluded, name);
            case COLUMN -> !matches(columns, table + "." + name);
            default -> name == null || !matches(indexes, name);
        };
    }

    private static boolean matches(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }
}
