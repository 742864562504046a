package dev.migrate.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Feeds an SQL script to {@code psql}, as a reviewer of an offline script would. Where no psql is installed the
 * script goes through JDBC in one call instead, which PostgreSQL also runs statement by statement.
 */
public final class Psql {

    private Psql() {
    }

    public static boolean available() {
        try {
            Process process = new ProcessBuilder("psql", "--version").redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the script against the database and stops at the first error. */
    public static void run(TestDatabase db, String script) throws IOException, InterruptedException, SQLException {
        if (!available()) {
            db.execute(script);
            return;
        }
        URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        Path file = Files.createTempFile("migrate-offline", ".sql");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-h", uri.getHost(), "-p", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()),
                    "-U", db.user(), "-d", uri.getPath().substring(1), "-f", file.toString()));
            builder.environment().put("PGPASSWORD", db.password());
            builder.redirectErrorStream(true);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("psql failed on the script:\n" + output);
            }
        }
        finally {
            Files.deleteIfExists(file);
        }
    }
}
