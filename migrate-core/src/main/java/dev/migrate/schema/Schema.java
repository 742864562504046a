package dev.migrate.schema;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A database schema as autogenerate compares it: the one the entity model wants, or the one the catalog shows.
 * Names are as the database stores them for bare identifiers in lower case; types are normalised spellings
 * ({@link TypeNames}), so that two spellings of one type compare equal.
 *
 * @param tables the tables
 * @param sequences the standalone sequences (not those owned by identity or serial columns)
 * @param enumTypes PostgreSQL's enum types ({@code CREATE TYPE ... AS ENUM}), which columns name as their type
 * @param otherObjects what else the schema holds that autogenerate neither compares nor writes, each as its kind
 *     and name ({@code composite type address}): composite types, domains, views, functions
 */
public record Schema(List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes,
        List<String> otherObjects) {

    public Schema {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        enumTypes = List.copyOf(enumTypes);
        otherObjects = List.copyOf(otherObjects);
    }

    /** A schema without enum types or other objects (H2 has none; a model translated field by field knows none). */
    public Schema(List<Table> tables, List<Sequence> sequences) {
        this(tables, sequences, List.of(), List.of());
    }

    public Schema(List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes) {
        this(tables, sequences, enumTypes, List.of());
    }

    public Map<String, Table> tablesByName() {
        return tables.stream().collect(Collectors.toMap(Table::name, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /**
     * A table.
     *
     * @param primaryKey the primary key's columns, in order; empty when there is none
     */
    public record Table(String name, List<Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys,
            List<Unique> uniques, List<Index> indexes, List<Check> checks, String comment) {

        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            foreignKeys = List.copyOf(foreignKeys);
            uniques = List.copyOf(uniques);
            indexes = List.copyOf(indexes);
            checks = List.copyOf(checks);
        }

        public Column column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
        }
    }

    /**
     * A column.
     *
     * @param type the normalised type, such as {@code varchar(255)} or {@code timestamp with time zone}
     * @param defaultSql the server default as SQL, or {@code null}
     * @param identity whether the database generates values ({@code GENERATED ... AS IDENTITY})
     */
    public record Column(String name, String type, boolean nullable, String defaultSql, boolean identity,
            String comment) {
    }

    /**
     * A foreign key.
     *
     * @param onDelete {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, {@code RESTRICT}, or {@code null} for no
     *     action
     */
    public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
            String onDelete) {
    }

    public record Unique(String name, List<String> columns) {
    }

    /**
     * An index on columns.
     *
     * @param descending for each column, whether the index keeps it in descending order
     */
    public record Index(String name, List<String> columns, boolean unique, List<Boolean> descending) {

        public Index {
            columns = List.copyOf(columns);
            descending = descending == null ? java.util.Collections.nCopies(columns.size(), false)
                    : List.copyOf(descending);
        }

        /** An index whose columns are all ascending. */
        public Index(String name, List<String> columns, boolean unique) {
            this(name, columns, unique, null);
        }
    }

    public record Check(String name, String condition) {
    }

    public record Sequence(String name, long start, long increment) {
    }

    /**
     * An enum type: its labels in their sort order.
     *
     * @param varcharCasts whether implicit casts join it and {@code character varying} both ways, as Hibernate's DDL
     *     makes them for its named enums (so that text compares with the type)
     */
    public record EnumType(String name, List<String> values, boolean varcharCasts) {

        public EnumType {
            values = List.copyOf(values);
        }

        public EnumType(String name, List<String> values) {
            this(name, values, false);
        }
    }
}
