package dev.migrate.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an H2 schema from its {@code INFORMATION_SCHEMA}, in a fixed number of queries. H2 folds bare names to
 * upper case; they are reported in lower case, as they were written.
 */
final class H2SchemaReader implements SchemaReader {

    private int roundTrips;


    /** A constraint's columns, in order, and what it is. */
    private static final class Constraint {
        String table;
        String type;
        String indexName;
        final Map<Integer, String> columns = new TreeMap<>();
        final Map<Integer, Integer> positionInUnique = new TreeMap<>();
    }

    @Override
    public int roundTrips() {
        return roundTrips;
    }

    @Override
    public Schema read(Connection connection, String schema, Set<String> ignoredTables) throws SQLException {
        roundTrips = 0;
        String namespace = schema == null ? connection.getSchema() : stored(schema);
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        query(connection, "SELECT TABLE_NAME, REMARKS FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", namespace, rows -> {
                    String name = name(rows.getString(1));
                    if (!ignoredTables.contains(name)) {
                        TableBuilder table = new TableBuilder();
                        table.comment = rows.getString(2);
                        tables.put(name, table);
                    }
                });
        Map<String, List<String>> enumValues = new LinkedHashMap<>();
        query(connection, "SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES"
                + " WHERE OBJECT_SCHEMA = ? AND OBJECT_TYPE = 'TABLE' ORDER BY OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL",
                namespace, rows -> enumValues.computeIfAbsent(rows.getString(1) + "/" + rows.getString(2),
                        any -> new ArrayList<>()).add(rows.getString(3)));
        Map<String, String> elementTypes = new LinkedHashMap<>();
        query(connection, "SELECT OBJECT_NAME, COLLECTION_TYPE_IDENTIFIER, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                + " NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION FROM INFORMATION_SCHEMA.ELEMENT_TYPES"
                + " WHERE OBJECT_SCHEMA = ? AND OBJECT_TYPE = 'TABLE'", namespace, rows -> elementTypes.put(
                        rows.getString(1) + "/" + rows.getString(2), type(rows.getString(3).toLowerCase(Locale.ROOT),
                                longOrNull(rows, 4), intOrNull(rows, 5), intOrNull(rows, 6), intOrNull(rows, 7))));
        query(connection, "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,"
                + " NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, REMARKS, DTD_IDENTIFIER, DATETIME_PRECISION"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION",
                namespace, rows -> {
                    TableBuilder table = tables.get(name(rows.getString(1)));
                    if (table != null) {
                        List<String> values = enumValues.get(rows.getString(1) + "/" + rows.getString(11));
                        String type = values != null ? TypeNames.normalize("enum('" + String.join("','",
                                values.stream().map(v -> v.replace("'", "''")).toList()) + "')") : type(rows, elementTypes);
                        table.columns.add(new Schema.Column(name(rows.getString(2)), type, "YES".equals(rows.getString(7)),
                                rows.getString(8), "YES".equals(rows.getString(9)), rows.getString(10)));
                    }
                });
        Map<String, Constraint> constraints = new LinkedHashMap<>();
        query(connection, "SELECT tc.CONSTRAINT_NAME, tc.TABLE_NAME, tc.CONSTRAINT_TYPE, tc.INDEX_NAME, k.COLUMN_NAME,"
                + " k.ORDINAL_POSITION, k.POSITION_IN_UNIQUE_CONSTRAINT FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                + " LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                + " AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.CONSTRAINT_SCHEMA = ?", namespace, rows -> {
                    Constraint constraint = constraints.computeIfAbsent(rows.getString(1), any -> new Constraint());
                    constraint.table = name(rows.getString(2));
                    constraint.type = rows.getString(3);
                    constraint.indexName = rows.getString(4);
                    if (rows.getString(5) != null) {
                        constraint.columns.put(rows.getInt(6), name(rows.getString(5)));
                        if (rows.getObject(7) != null) {
                            constraint.positionInUnique.put(rows.getInt(6), rows.getInt(7));
                        }
                    }
                });
        Map<String, String[]> references = new LinkedHashMap<>();
        query(connection, "SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, DELETE_RULE"
                + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?", namespace,
                rows -> references.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)}));
        Map<String, String> checkClauses = new LinkedHashMap<>();
        query(connection, "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = ?", namespace, rows -> checkClauses.put(rows.getString(1), rows.getString(2)));
        java.util.Set<String> constraintIndexes = new java.util.HashSet<>();
        constraints.forEach((constraintName, constraint) -> {
            // Indexes H2 made for a constraint are the constraint's; an index the user made and H2 reused for a
            // foreign key stays an index of its own.
            if (constraint.indexName != null && (!constraint.type.equals("FOREIGN KEY")
                    || constraint.indexName.matches(".*_INDEX_[0-9A-F]+"))) {
                constraintIndexes.add(constraint.indexName);
            }
            TableBuilder table = tables.get(constraint.table);
            if (table == null) {
                return;
            }
            String name = name(constraintName);
            List<String> columns = new ArrayList<>(constraint.columns.values());
            switch (constraint.type) {
                case "PRIMARY KEY" -> table.primaryKey = columns;
                case "UNIQUE" -> table.uniques.add(new Schema.Unique(name, columns));
                case "CHECK" -> table.checks.add(new Schema.Check(name, checkClauses.get(constraintName)));
                case "FOREIGN KEY" -> {
                    String[] reference = references.get(constraintName);
                    Constraint referenced = constraints.get(reference[0]);
                    List<String> referencedColumns = new ArrayList<>();
                    constraint.positionInUnique.forEach((position, unique) ->
                            referencedColumns.add(referenced.columns.get(unique)));
                    table.foreignKeys.add(new Schema.ForeignKey(name, columns, referenced.table, referencedColumns,
                            "NO ACTION".equals(reference[1]) ? null : reference[1]));
                }
                default -> {
                }
            }
        });
        Map<String, Schema.Index> indexes = new LinkedHashMap<>();
        Map<String, String> indexTables = new LinkedHashMap<>();
        query(connection, "SELECT i.INDEX_NAME, i.TABLE_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME, c.ORDERING_SPECIFICATION"
                + " FROM INFORMATION_SCHEMA.INDEXES i"
                + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
                + " WHERE i.INDEX_SCHEMA = ? ORDER BY i.INDEX_NAME, c.ORDINAL_POSITION", namespace, rows -> {
                    String index = rows.getString(1);
                    if (constraintIndexes.contains(index)) {
                        return;
                    }
                    Schema.Index previous = indexes.get(index);
                    List<String> columns = new ArrayList<>(previous == null ? List.of() : previous.columns());
                    List<Boolean> descending = new ArrayList<>(previous == null ? List.of() : previous.descending());
                    columns.add(name(rows.getString(4)));
                    descending.add("DESC".equals(rows.getString(5)));
                    indexes.put(index, new Schema.Index(name(index), columns, rows.getString(3).startsWith("UNIQUE"),
                            descending));
                    indexTables.put(index, name(rows.getString(2)));
                });
        indexes.forEach((index, value) -> {
            TableBuilder table = tables.get(indexTables.get(index));
            if (table != null) {
                table.indexes.add(value);
            }
        });
        List<Schema.Sequence> sequences = new ArrayList<>();
        query(connection, "SELECT SEQUENCE_NAME, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES"
                + " WHERE SEQUENCE_SCHEMA = ? ORDER BY SEQUENCE_NAME", namespace,
                rows -> sequences.add(new Schema.Sequence(name(rows.getString(1)), rows.getLong(2), rows.getLong(3))));
        List<Schema.Table> result = new ArrayList<>();
        tables.forEach((name, table) -> result.add(table.build(name)));
        return new Schema(result, sequences);
    }

    /** A type as H2's catalog describes it, in one spelling; arrays as {@code <element> array}. */
    private static String type(ResultSet rows, Map<String, String> elementTypes) throws SQLException {
        String type = rows.getString(3).toLowerCase(Locale.ROOT);
        if (type.equals("array")) {
            String element = elementTypes.get(rows.getString(1) + "/" + rows.getString(11));
            return element == null ? "array" : element + " array";
        }
        return type(type, longOrNull(rows, 4), intOrNull(rows, 5), intOrNull(rows, 6), intOrNull(rows, 12));
    }

    private static String type(String type, Long length, Integer precision, Integer scale, Integer fraction) {
        return switch (type) {
            // Without a length, H2's character varying holds what PostgreSQL's text does (Migrate writes text so).
            case "character varying" -> length != null && length < 1_000_000_000L
                    ? TypeNames.normalize(type + "(" + length + ")") : "text";
            case "character", "binary varying" -> TypeNames.normalize(length != null && length < 1_000_000_000L
                    ? type + "(" + length + ")" : type);
            case "numeric", "decimal" -> TypeNames.normalize(type + "(" + precision + "," + scale + ")");
            // H2 reports the fractional precision apart from the type's name: time(0), timestamp(3) with time zone.
            case "time", "timestamp", "time with time zone", "timestamp with time zone" -> TypeNames.normalize(
                    fraction == null ? type : type.replaceFirst("^(timestamp|time)", "$1(" + fraction + ")"));
            default -> TypeNames.normalize(type);
        };
    }

    private static Long longOrNull(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private interface RowHandler {
        void handle(ResultSet rows) throws SQLException;
    }

    private void query(Connection connection, String sql, String schema, RowHandler handler) throws SQLException {
        roundTrips++;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }

    /** H2's upper-case form of a bare name, as written otherwise. */
    private static String stored(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** H2's folded upper-case names back in lower case, as they were written. */
    static String name(String stored) {
        return stored != null && stored.matches("[A-Z_][A-Z0-9_]*") ? stored.toLowerCase(Locale.ROOT) : stored;
    }
}
