package dev.migrate.op;

import java.util.Arrays;
import java.util.List;

/**
 * Static factories for what revisions write, meant to be imported with {@code import static dev.migrate.op.Ddl.*}:
 * columns, portable types and table constraints.
 */
public final class Ddl {

    private Ddl() {
    }

    public static Column column(String name, ColumnType type) {
        return Column.of(name, type);
    }

    public static PrimaryKey primaryKey(String name, String... columns) {
        return new PrimaryKey(name, Arrays.asList(columns));
    }

    public static UniqueConstraint unique(String name, String... columns) {
        return new UniqueConstraint(name, Arrays.asList(columns));
    }

    public static CheckConstraint check(String name, String condition) {
        return new CheckConstraint(name, condition);
    }

    public static ForeignKey foreignKey(String name, List<String> columns, String referencedTable,
            List<String> referencedColumns) {
        return new ForeignKey(name, columns, null, referencedTable, referencedColumns, null, null, false, false);
    }

    /** A single-column foreign key: {@code foreignKey("fk_owner", "user_id", "users", "id")}. */
    public static ForeignKey foreignKey(String name, String column, String referencedTable, String referencedColumn) {
        return foreignKey(name, List.of(column), referencedTable, List.of(referencedColumn));
    }

    public static JsonValue json(String text) {
        return new JsonValue(text);
    }

    public static ColumnType uuid() {
        return ColumnType.uuid();
    }

    public static ColumnType string(int length) {
        return ColumnType.string(length);
    }

    public static ColumnType text() {
        return ColumnType.text();
    }

    public static ColumnType smallint() {
        return ColumnType.smallint();
    }

    public static ColumnType integer() {
        return ColumnType.integer();
    }

    public static ColumnType bigint() {
        return ColumnType.bigint();
    }

    public static ColumnType bool() {
        return ColumnType.bool();
    }

    public static ColumnType decimal(int precision, int scale) {
        return ColumnType.decimal(precision, scale);
    }

    public static ColumnType floatType() {
        return ColumnType.floatType();
    }

    public static ColumnType doubleType() {
        return ColumnType.doubleType();
    }

    public static ColumnType date() {
        return ColumnType.date();
    }

    public static ColumnType time() {
        return ColumnType.time();
    }

    public static ColumnType timestamp() {
        return ColumnType.timestamp();
    }

    public static ColumnType timestampTz() {
        return ColumnType.timestampTz();
    }

    public static ColumnType json() {
        return ColumnType.json();
    }

    public static ColumnType jsonb() {
        return ColumnType.jsonb();
    }

    public static ColumnType bytes() {
        return ColumnType.bytes();
    }

    public static ColumnType rawType(String sql) {
        return ColumnType.raw(sql);
    }
}
