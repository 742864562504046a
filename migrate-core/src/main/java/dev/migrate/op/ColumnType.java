package dev.migrate.op;

import java.util.Objects;

/**
 * A portable column type, rendered by each dialect in its own spelling, or a raw type passed through as written.
 *
 * @param kind which type
 * @param length length of a string type, or {@code null}
 * @param precision precision of a decimal, or {@code null}
 * @param scale scale of a decimal, or {@code null}
 * @param raw the type as written, for {@link Kind#RAW}
 */
public record ColumnType(Kind kind, Integer length, Integer precision, Integer scale, String raw) {

    /** The portable types. */
    public enum Kind {
        UUID, STRING, TEXT, SMALLINT, INTEGER, BIGINT, BOOLEAN, DECIMAL, FLOAT, DOUBLE, DATE, TIME, TIMESTAMP,
        TIMESTAMP_TZ, JSON, JSONB, BYTES, RAW
    }

    public ColumnType {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.RAW && (raw == null || raw.isBlank())) {
            throw new IllegalArgumentException("A raw column type needs its SQL text");
        }
        if (kind == Kind.STRING && (length == null || length < 1)) {
            throw new IllegalArgumentException("string(n) needs a length of at least 1, not " + length);
        }
    }

    public static ColumnType uuid() {
        return of(Kind.UUID);
    }

    /** A variable-length string of at most {@code length} characters ({@code varchar(n)}). */
    public static ColumnType string(int length) {
        return new ColumnType(Kind.STRING, length, null, null, null);
    }

    public static ColumnType text() {
        return of(Kind.TEXT);
    }

    public static ColumnType smallint() {
        return of(Kind.SMALLINT);
    }

    public static ColumnType integer() {
        return of(Kind.INTEGER);
    }

    public static ColumnType bigint() {
        return of(Kind.BIGINT);
    }

    public static ColumnType bool() {
        return of(Kind.BOOLEAN);
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(Kind.DECIMAL, null, precision, scale, null);
    }

    /** A single-precision floating point number ({@code real}). */
    public static ColumnType floatType() {
        return of(Kind.FLOAT);
    }

    public static ColumnType doubleType() {
        return of(Kind.DOUBLE);
    }

    public static ColumnType date() {
        return of(Kind.DATE);
    }

    public static ColumnType time() {
        return of(Kind.TIME);
    }

    public static ColumnType timestamp() {
        return of(Kind.TIMESTAMP);
    }

    public static ColumnType timestampTz() {
        return of(Kind.TIMESTAMP_TZ);
    }

    public static ColumnType json() {
        return of(Kind.JSON);
    }

    /** PostgreSQL's binary JSON; databases without it store JSON. */
    public static ColumnType jsonb() {
        return of(Kind.JSONB);
    }

    public static ColumnType bytes() {
        return of(Kind.BYTES);
    }

    /** Any other type, written exactly as the database spells it (for example {@code "inet"}). */
    public static ColumnType raw(String sql) {
        return new ColumnType(Kind.RAW, null, null, null, sql);
    }

    private static ColumnType of(Kind kind) {
        return new ColumnType(kind, null, null, null, null);
    }
}
