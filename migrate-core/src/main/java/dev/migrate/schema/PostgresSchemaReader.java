package dev.migrate.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a PostgreSQL schema in seven catalog queries, whatever the number of tables: tables, columns, constraints,
 * indexes, sequences, enum types, and the names of what else it holds.
 */
final class PostgresSchemaReader implements SchemaReader {

    private int roundTrips;


    @Override
    public int roundTrips() {
        return roundTrips;
    }

    @Override
    public Schema read(Connection connection, String schema, Set<String> ignoredTables) throws SQLException {
        roundTrips = 0;
        String namespace = schema == null ? "current_schema()" : "?";
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        query(connection, "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = " + namespace
                + " AND c.relkind IN ('r', 'p') ORDER BY c.relname", schema, rows -> {
                    if (!ignoredTables.contains(rows.getString(1))) {
                        TableBuilder table = new TableBuilder();
                        table.comment = rows.getString(2);
                        tables.put(rows.getString(1), table);
                    }
                });
        query(connection, "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '', col_description(c.oid, a.attnum)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE n.nspname = " + namespace + " AND c.relkind IN ('r', 'p') AND a.attnum > 0"
                + " AND NOT a.attisdropped ORDER BY c.relname, a.attnum", schema, rows -> {
                    TableBuilder table = tables.get(rows.getString(1));
                    if (table != null) {
                        table.columns.add(new Schema.Column(rows.getString(2), TypeNames.normalize(rows.getString(3)),
                                !rows.getBoolean(4), rows.getString(5), rows.getBoolean(6), rows.getString(7)));
                    }
                });
        query(connection, "SELECT c.relname, con.conname, con.contype,"
                + " ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)"
                + "   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),"
                + " r.relname,"
                + " ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)"
                + "   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),"
                + " con.confdeltype, pg_get_constraintdef(con.oid)"
                + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_class r ON r.oid = con.confrelid"
                + " WHERE n.nspname = " + namespace + " AND con.contype IN ('p', 'f', 'u', 'c')"
                + " ORDER BY c.relname, con.conname", schema, rows -> {
                    TableBuilder table = tables.get(rows.getString(1));
                    if (table == null) {
                        return;
                    }
                    String name = rows.getString(2);
                    List<String> columns = strings(rows.getArray(4));
                    switch (rows.getString(3)) {
                        case "p" -> table.primaryKey = columns;
                        case "u" -> table.uniques.add(new Schema.Unique(name, columns));
                        case "f" -> table.foreignKeys.add(new Schema.ForeignKey(name, columns, rows.getString(5),
                                strings(rows.getArray(6)), deleteRule(rows.getString(7))));
                        default -> table.checks.add(new Schema.Check(name, checkCondition(rows.getString(8))));
                    }
                });
        query(connection, "SELECT t.relname, i.relname, ix.indisunique,"
                + " ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(num, ord)"
                + "   JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.num ORDER BY k.ord),"
                + " ix.indnatts, ix.indpred IS NOT NULL OR ix.indexprs IS NOT NULL OR ix.indnkeyatts < ix.indnatts,"
                + " ARRAY(SELECT (ix.indoption[k.ord - 1] & 1) = 1 FROM unnest(ix.indkey) WITH ORDINALITY k(num, ord)"
                + "   ORDER BY k.ord)"
                + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE n.nspname = " + namespace
                // Indexes that are a primary key, unique or exclusion constraint's own are read as those; a foreign
                // key also names the referenced index (conindid), which stays its table's index.
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid"
                + "   AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u', 'x'))"
                + " ORDER BY t.relname, i.relname", schema, rows -> {
                    TableBuilder table = tables.get(rows.getString(1));
                    // Expression, partial and covering (INCLUDE) indexes are left alone: no entity model describes
                    // them.
                    if (table != null && !rows.getBoolean(6)) {
                        table.indexes.add(new Schema.Index(rows.getString(2), strings(rows.getArray(4)),
                                rows.getBoolean(3), booleans(rows.getArray(7))));
                    }
                });
        List<Schema.Sequence> sequences = new ArrayList<>();
        query(connection, "SELECT s.sequencename, s.start_value, s.increment_by FROM pg_sequences s"
                + " WHERE s.schemaname = " + namespace + " AND NOT EXISTS (SELECT 1 FROM pg_depend d"
                + "   JOIN pg_class c ON c.oid = d.objid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + "   WHERE c.relname = s.sequencename AND n.nspname = s.schemaname AND d.deptype IN ('a', 'i'))"
                + " ORDER BY s.sequencename", schema, rows -> sequences.add(new Schema.Sequence(rows.getString(1),
                        rows.getLong(2), rows.getLong(3))));
        List<Schema.EnumType> enumTypes = new ArrayList<>();
        query(connection, "SELECT t.typname, ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid"
                + "   ORDER BY e.enumsortorder),"
                + " EXISTS (SELECT 1 FROM pg_cast c WHERE c.castsource = 'character varying'::regtype"
                + "   AND c.casttarget = t.oid) AND EXISTS (SELECT 1 FROM pg_cast c WHERE c.castsource = t.oid"
                + "   AND c.casttarget = 'character varying'::regtype)"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = " + namespace + " AND t.typtype = 'e' ORDER BY t.typname", schema,
                rows -> enumTypes.add(new Schema.EnumType(rows.getString(1), strings(rows.getArray(2)),
                        rows.getBoolean(3))));
        List<String> others = new ArrayList<>();
        // What else the model's DDL can make, named so that a revision can say it is missing: no entity model of ours
        // describes composite types, domains, views or functions, and a table using one needs it first.
        query(connection, "WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = " + namespace + ")"
                + " SELECT CASE t.typtype WHEN 'd' THEN 'domain ' ELSE 'composite type ' END || t.typname"
                + " FROM pg_type t WHERE t.typnamespace = (SELECT oid FROM ns) AND (t.typtype = 'd' OR t.typtype = 'c'"
                + "   AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')"
                + " UNION ALL SELECT CASE c.relkind WHEN 'v' THEN 'view ' ELSE 'materialized view ' END || c.relname"
                + " FROM pg_class c WHERE c.relnamespace = (SELECT oid FROM ns) AND c.relkind IN ('v', 'm')"
                + " UNION ALL SELECT 'function ' || p.proname FROM pg_proc p"
                + " WHERE p.pronamespace = (SELECT oid FROM ns) AND NOT EXISTS (SELECT 1 FROM pg_depend d"
                + "   WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')"
                + " ORDER BY 1", schema, rows -> others.add(rows.getString(1)));
        List<Schema.Table> result = new ArrayList<>();
        tables.forEach((name, table) -> result.add(table.build(name)));
        return new Schema(result, sequences, enumTypes, others);
    }

    private interface RowHandler {
        void handle(ResultSet rows) throws SQLException;
    }

    private void query(Connection connection, String sql, String schema, RowHandler handler) throws SQLException {
        roundTrips++;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (schema != null) {
                statement.setString(1, schema);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Boolean> booleans(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Boolean[]) array.getArray());
    }

    private static String deleteRule(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> null;
        };
    }

    /** {@code CHECK ((balance >= 0))} to {@code balance >= 0}. */
    static String checkCondition(String definition) {
        String condition = definition.replaceFirst("^CHECK\\s*", "").strip();
        while (condition.startsWith("(") && condition.endsWith(")") && balanced(condition.substring(1,
                condition.length() - 1))) {
            condition = condition.substring(1, condition.length() - 1).strip();
        }
        return condition.replace(" NOT VALID", "");
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
