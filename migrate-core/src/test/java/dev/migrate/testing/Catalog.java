package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.migrate.dialect.H2Dialect;

/**
 * What a database's catalog says about its schema, read through JDBC metadata so that the same assertions hold
 * on PostgreSQL and H2. Names are reported in lower case (H2 folds unquoted names to upper case), except names
 * that were created quoted with upper-case or other special characters, which keep their case.
 */
public final class Catalog {

    private static final H2Dialect H2 = new H2Dialect();

    private final TestDatabase db;

    private final String schema;

    public Catalog(TestDatabase db) {
        this(db, null);
    }

    public Catalog(TestDatabase db, String schema) {
        this.db = db;
        this.schema = schema;
    }

    private String schemaPattern() {
        if (schema != null) {
            return schema;
        }
        return db.kind().equals("h2") ? "PUBLIC" : "public";
    }

    /** Tables of the schema, Migrate's own included. */
    public Set<String> tables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = db.connect();
                ResultSet rows = connection.getMetaData().getTables(null, schemaPattern(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(name(rows.getString("TABLE_NAME")));
            }
        }
        return tables;
    }

    /** One column: its type name, size, whether it is nullable, and its default as the database shows it. */
    public record ColumnInfo(String type, int size, boolean nullable, String defaultValue) {
    }

    public Map<String, ColumnInfo> columns(String table) throws SQLException {
        Map<String, ColumnInfo> columns = new TreeMap<>();
        try (Connection connection = db.connect();
                ResultSet rows = connection.getMetaData().getColumns(null, schemaPattern(), stored(table), "%")) {
            while (rows.next()) {
                columns.put(name(rows.getString("COLUMN_NAME")), new ColumnInfo(
                        rows.getString("TYPE_NAME").toLowerCase(Locale.ROOT), rows.getInt("COLUMN_SIZE"),
                        rows.getInt("NULLABLE") == DatabaseMetaData.columnNullable, rows.getString("COLUMN_DEF")));
            }
        }
        return columns;
    }

    /** Indexes by name, each as {@code unique(a, b)} or {@code (a, b)}; primary-key indexes are left out. */
    public Map<String, String> indexes(String table) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        Set<String> keys = primaryKeyNames(table);
        try (Connection connection = db.connect();
                ResultSet rows = connection.getMetaData().getIndexInfo(null, schemaPattern(), stored(table), false,
                        false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                if (index == null || keys.contains(name(index)) || name(index).startsWith("primary_key")) {
                    continue;
                }
                columns.computeIfAbsent(name(index), any -> new ArrayList<>()).add(name(rows.getString("COLUMN_NAME")));
                unique.put(name(index), !rows.getBoolean("NON_UNIQUE"));
            }
        }
        Map<String, String> result = new TreeMap<>();
        columns.forEach((index, names) -> result.put(index, (unique.get(index) ? "unique" : "") + names.toString()
                .replace('[', '(').replace(']', ')')));
        return result;
    }

    private Set<String> primaryKeyNames(String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = db.connect();
                ResultSet rows = connection.getMetaData().getPrimaryKeys(null, schemaPattern(), stored(table))) {
            while (rows.next()) {
                if (rows.getString("PK_NAME") != null) {
                    names.add(name(rows.getString("PK_NAME")));
                }
            }
        }
        return names;
    }

    public List<String> primaryKey(String table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (Connection connection = db.connect();
                ResultSet rows = connection.getMetaData().getPrimaryKeys(null, schemaPattern(), stored(table))) {
            while (rows.next()) {
                columns.put(rows.getInt("KEY_SEQ"), name(rows.getString("COLUMN_NAME")));
            }
        }
        return new ArrayList<>(columns.values());
    }

    /** Foreign keys of a table as {@code name: column -> table.column ON DELETE rule}. */
    public List<String> foreignKeys(String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = db.connect();
                ResultSet rows = connection.getMetaData().getImportedKeys(null, schemaPattern(), stored(table))) {
            while (rows.next()) {
                keys.add(name(rows.getString("FK_NAME")) + ": " + name(rows.getString("FKCOLUMN_NAME")) + " -> "
                        + name(rows.getString("PKTABLE_NAME")) + "." + name(rows.getString("PKCOLUMN_NAME"))
                        + " ON DELETE " + rule(rows.getShort("DELETE_RULE")));
            }
        }
        keys.sort(null);
        return keys;
    }

    /** Names of check constraints in the schema (PostgreSQL's implicit NOT NULL checks left out). */
    public Set<String> checkConstraints() throws SQLException {
        Set<String> names = new TreeSet<>();
        for (String name : db.queryForStrings("SELECT constraint_name FROM information_schema.check_constraints"
                + " WHERE constraint_schema = '" + schemaPattern() + "'")) {
            if (!name.endsWith("_not_null")) {
                names.add(name(name));
            }
        }
        return names;
    }

    /**
     * A PostgreSQL schema as text (tables, columns, constraints, indexes), for comparing two databases: equal
     * texts mean equal schemas.
     */
    public String postgresSnapshot() throws SQLException {
        String namespace = "(SELECT oid FROM pg_namespace WHERE nspname = '" + schemaPattern() + "')";
        List<String> lines = new ArrayList<>();
        lines.addAll(db.queryForStrings("SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                + " || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE c.relnamespace = " + namespace + " AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY 1"));
        lines.addAll(db.queryForStrings("SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                + " FROM pg_constraint WHERE connamespace = " + namespace + " ORDER BY 1"));
        lines.addAll(db.queryForStrings("SELECT indexdef FROM pg_indexes WHERE schemaname = '" + schemaPattern()
                + "' ORDER BY 1"));
        lines.addAll(db.queryForStrings("SELECT 'comment ' || c.relname || ' ' || obj_description(c.oid, 'pg_class')"
                + " FROM pg_class c WHERE c.relnamespace = " + namespace + " AND obj_description(c.oid, 'pg_class') IS NOT NULL"
                + " ORDER BY 1"));
        lines.addAll(db.queryForStrings("SELECT 'comment ' || c.relname || '.' || a.attname || ' ' || "
                + "col_description(c.oid, a.attnum) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " WHERE c.relnamespace = " + namespace + " AND col_description(c.oid, a.attnum) IS NOT NULL ORDER BY 1"));
        return String.join("\n", lines);
    }

    private static String rule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    /** The name as stored: H2 folds plain names to upper case. */
    private String stored(String name) {
        // Names Migrate writes bare are folded by H2; quoted ones (reserved words, odd characters) are kept.
        return db.kind().equals("h2") && !H2.quote(name).startsWith("\"") ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** The name as the test wrote it: H2's folded upper-case names back in lower case. */
    private String name(String stored) {
        if (stored == null) {
            return null;
        }
        return db.kind().equals("h2") && stored.equals(stored.toUpperCase(Locale.ROOT)) && stored.matches("[A-Z_][A-Z0-9_]*")
                ? stored.toLowerCase(Locale.ROOT) : stored;
    }
}
