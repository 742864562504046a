package dev.migrate.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import dev.migrate.op.Operation;

/**
 * Fingerprints of revisions. A SQL revision's is the SHA-256 of its upgrade section with line endings and
 * trailing spaces normalised; a Java revision's is the SHA-256 of the canonical text of the operations its upgrade
 * records, so neither a rebuild nor a change of Migrate's SQL rendering marks it as edited.
 */
public final class Checksums {

    private Checksums() {
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    /** Line endings to LF, trailing whitespace removed from each line, blank lines at either end removed. */
    public static String normalize(String sql) {
        String unified = sql.replace("\r\n", "\n").replace('\r', '\n');
        return unified.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }

    public static String ofSql(String upgradeSection) {
        return sha256(normalize(upgradeSection));
    }

    public static String ofOperations(List<Operation> operations) {
        StringBuilder text = new StringBuilder();
        for (Operation operation : operations) {
            text.append(canonical(operation)).append('\n');
        }
        return sha256(text.toString());
    }

    private static String canonical(Operation operation) {
        if (operation instanceof Operation.BulkInsert insert) {
            return "BulkInsert[" + insert.schema() + "," + insert.table() + "," + insert.columns() + ","
                    + insert.rows().stream().map(Checksums::values).collect(Collectors.joining(";")) + "]";
        }
        if (operation instanceof Operation.Execute execute) {
            // The origin (file and line) is where it was written, not what it does.
            return "Execute[" + execute.sql() + "," + values(execute.parameters()) + "]";
        }
        return operation.toString();
    }

    private static String values(List<Object> values) {
        return values.stream()
                .map(value -> value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value))
                .collect(Collectors.joining(",", "(", ")"));
    }
}
