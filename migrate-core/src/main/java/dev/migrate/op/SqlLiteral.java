package dev.migrate.op;

/** SQL literals, escaped so that a value can never end the literal it stands in. */
public final class SqlLiteral {

    private SqlLiteral() {
    }

    /** {@code 'it''s'}: a standard SQL string literal; quotes are doubled. NUL characters are refused. */
    public static String string(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A SQL string literal cannot hold a NUL character");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
