package dev.migrate.script;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

import dev.migrate.op.Operation;

/**
 * Fingerprints of revisions. A SQL revision's is the CRC-32 of its upgrade section with line endings and trailing
 * spaces normalised; a Java revision's is the CRC-32 of the canonical text of the operations its upgrade records, so
 * neither a rebuild nor a change of Migrate's SQL rendering marks it as edited.
 *
 * <p>CRC-32 (as Flyway uses) rather than a cryptographic digest: the checksum guards against accidental edits,
 * not against someone who can already change the revisions, and every start computes it for every applied
 * revision, where the JDK's native CRC-32 costs a fraction of SHA-256 before the JIT has warmed up.
 */
public final class Checksums {

    private Checksums() {
    }

    /** The CRC-32 of the text's UTF-8 bytes, as 8 hex digits. */
    public static String of(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** Line endings to LF, trailing whitespace removed from each line, blank lines at either end removed. */
    public static String normalize(String sql) {
        String unified = sql.indexOf('\r') < 0 ? sql : sql.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder normalized = new StringBuilder(unified.length());
        int lineStart = 0;
        while (lineStart < unified.length()) {
            int lineEnd = unified.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? unified.length() : lineEnd;
            int kept = lineEnd;
            while (kept > lineStart && Character.isWhitespace(unified.charAt(kept - 1))) {
                kept--;
            }
            normalized.append(unified, lineStart, kept).append('\n');
            lineStart = lineEnd + 1;
        }
        return normalized.toString().strip();
    }

    public static String ofSql(String upgradeSection) {
        return of(normalize(upgradeSection));
    }

    public static String ofOperations(List<Operation> operations) {
        StringBuilder text = new StringBuilder();
        for (Operation operation : operations) {
            appendCanonical(text, operation);
            text.append('\n');
        }
        return of(text.toString());
    }

    /**
     * An operation's canonical text, appended without streams: a revision that inserts thousands of rows is
     * checksummed on every start, mostly before the JIT has compiled anything.
     */
    private static void appendCanonical(StringBuilder text, Operation operation) {
        if (operation instanceof Operation.BulkInsert insert) {
            text.append("BulkInsert[").append(insert.schema()).append(',').append(insert.table()).append(',')
                    .append(insert.columns()).append(',');
            List<List<Object>> rows = insert.rows();
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0) {
                    text.append(';');
                }
                appendValues(text, rows.get(i));
            }
            text.append(']');
        }
        else if (operation instanceof Operation.Execute execute) {
            // The origin (file and line) is where it was written, not what it does.
            text.append("Execute[").append(execute.sql()).append(',');
            appendValues(text, execute.parameters());
            text.append(']');
        }
        else {
            text.append(operation);
        }
    }

    /** {@code (a,b,c)}: each value as text, byte arrays as hex. */
    private static void appendValues(StringBuilder text, List<Object> values) {
        text.append('(');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            Object value = values.get(i);
            text.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value));
        }
        text.append(')');
    }
}
