package dev.migrate.schema;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.op.ColumnType;

/**
 * One spelling per type, so that what Hibernate writes ({@code float(53)}, {@code timestamp(6) with time zone},
 * {@code numeric(38,2)}) and what catalogs report ({@code double precision}, {@code timestamptz},
 * {@code character varying(255)}, {@code NUMERIC(38, 2)}) compare equal.
 */
public final class TypeNames {

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
            Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("tinyint", "smallint"),
            Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("double", "double precision"),
            Map.entry("float", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timetz", "time with time zone"), Map.entry("time without time zone", "time"),
            Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
            Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("decimal", "numeric"),
            Map.entry("binary varying", "varbinary"), Map.entry("bytea", "bytea"),
            Map.entry("character large object", "clob"),
            Map.entry("binary large object", "blob"));

    private static final Pattern SHAPE = Pattern.compile("^([a-z][a-z0-9 ]*?)\\s*(?:\\(([^)]*)\\))?\\s*(with time zone|without time zone)?$");

    private TypeNames() {
    }

    /** The one spelling of a type. */
    public static String normalize(String type) {
        String stripped = type.strip();
        if (stripped.toLowerCase(Locale.ROOT).startsWith("enum(")) {
            return enumType(stripped);
        }
        String text = stripped.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher shape = SHAPE.matcher(text);
        if (!shape.matches()) {
            return text;
        }
        String name = shape.group(1).strip();
        String arguments = shape.group(2) == null ? null : shape.group(2).replace(" ", "");
        String zone = shape.group(3);
        if (name.equals("float") && arguments != null) {
            // float(p): 1 to 24 is real, 25 to 53 double precision
            return Integer.parseInt(arguments) <= 24 ? "real" : "double precision";
        }
        name = SYNONYMS.getOrDefault(name, name);
        if (name.startsWith("timestamp") || name.startsWith("time")) {
            // 6 is the default and the maximum fractional precision of PostgreSQL and H2 alike
            if ("6".equals(arguments)) {
                arguments = null;
            }
        }
        if (name.equals("varchar") && arguments == null) {
            return "varchar";
        }
        String spelled = arguments == null ? name : name + "(" + arguments + ")";
        // The precision goes before the zone: timestamp(3) with time zone.
        return zone == null || zone.equals("without time zone") ? spelled : spelled + " " + zone;
    }

    /** {@code enum('B','A')} as {@code enum('A','B')}: the values keep their case and are compared as a set. */
    private static String enumType(String type) {
        String values = type.substring(type.indexOf('(') + 1, type.lastIndexOf(')'));
        java.util.List<String> literals = new java.util.ArrayList<>();
        Matcher literal = Pattern.compile("'((?:[^']|'')*)'").matcher(values);
        while (literal.find()) {
            literals.add("'" + literal.group(1) + "'");
        }
        java.util.Collections.sort(literals);
        return "enum(" + String.join(",", literals) + ")";
    }

    /** The portable type of a normalised spelling, or a raw type when it has none. */
    public static ColumnType columnType(String normalized) {
        Matcher sized = Pattern.compile("^(varchar|numeric)\\((\\d+)(?:,(\\d+))?\\)$").matcher(normalized);
        if (sized.matches()) {
            if (sized.group(1).equals("varchar")) {
                return ColumnType.string(Integer.parseInt(sized.group(2)));
            }
            return ColumnType.decimal(Integer.parseInt(sized.group(2)), sized.group(3) == null ? 0
                    : Integer.parseInt(sized.group(3)));
        }
        return switch (normalized) {
            case "uuid" -> ColumnType.uuid();
            case "text" -> ColumnType.text();
            case "smallint" -> ColumnType.smallint();
            case "integer" -> ColumnType.integer();
            case "bigint" -> ColumnType.bigint();
            case "boolean" -> ColumnType.bool();
            case "real" -> ColumnType.floatType();
            case "double precision" -> ColumnType.doubleType();
            case "date" -> ColumnType.date();
            case "time" -> ColumnType.time();
            case "timestamp" -> ColumnType.timestamp();
            case "timestamp with time zone" -> ColumnType.timestampTz();
            case "json" -> ColumnType.json();
            case "jsonb" -> ColumnType.jsonb();
            case "bytea" -> ColumnType.bytes();
            default -> ColumnType.raw(normalized);
        };
    }
}
