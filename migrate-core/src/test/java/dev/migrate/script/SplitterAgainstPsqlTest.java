package dev.migrate.script;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.testing.Psql;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The splitter against PostgreSQL's own client and server: generated scripts full of quotes, comments, dollar-quoted
 * and {@code BEGIN ATOMIC} bodies and parenthesised rules are split by Migrate and by {@code psql} (which echoes every
 * statement it sends), and run both ways; the statements and what they leave in the database must be the same.
 */
class SplitterAgainstPsqlTest {

    static final int SCRIPTS = 80;

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @BeforeAll
    static void psqlIsThere() {
        if (!Psql.available()) {
            throw new IllegalStateException("This test compares Migrate's splitting with psql's: install the PostgreSQL "
                    + "client (psql) on the PATH.");
        }
    }

    @Test
    void generatedScriptsSplitAsPsqlSplitsThemAndLeaveTheSameDatabase() throws Exception {
        Random random = new Random(20261202);
        for (int n = 0; n < SCRIPTS; n++) {
            String script = new ScriptGenerator(random, n).script();
            List<SqlSplitter.Statement> statements = SqlSplitter.split(script);

            StringBuilder expectedEcho = new StringBuilder();
            for (SqlSplitter.Statement statement : statements) {
                expectedEcho.append(script, statement.start(), statement.end()).append('\n');
            }
            db.reset();
            String echoed = psql(script);
            assertThat(echoed).as("psql's statements for script %d:\n%s", n, script).isEqualTo(expectedEcho.toString());
            List<String> byPsql = contents();

            db.reset();
            try (Connection connection = db.connect(); Statement jdbc = connection.createStatement()) {
                for (SqlSplitter.Statement statement : statements) {
                    jdbc.execute(statement.sql());
                }
            }
            assertThat(contents()).as("the database after script %d:\n%s", n, script).isEqualTo(byPsql);
        }
    }

    /** The log's rows and the tables, as text. */
    private static List<String> contents() throws SQLException {
        List<String> contents = new ArrayList<>(db.queryForStrings("SELECT v FROM log ORDER BY id"));
        contents.addAll(db.queryForStrings("SELECT relname::text FROM pg_class WHERE relkind = 'r' "
                + "AND relnamespace = 'public'::regnamespace ORDER BY 1"));
        contents.addAll(db.queryForStrings("SELECT proname::text FROM pg_proc WHERE pronamespace = "
                + "'public'::regnamespace ORDER BY 1"));
        return contents;
    }

    /** Runs the script through psql, stopping at the first error, and returns what it echoed. */
    private static String psql(String script) throws IOException, InterruptedException {
        URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        Path file = Files.createTempFile("migrate-split", ".sql");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-q", "-e", "-v", "ON_ERROR_STOP=1",
                    "-o", "/dev/null", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()),
                    "-U", db.user(), "-d", uri.getPath().substring(1), "-f", file.toString()));
            builder.environment().put("PGPASSWORD", db.password());
            builder.redirectError(ProcessBuilder.Redirect.PIPE);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("psql failed on:\n%s\n%s", script, err).isZero();
            return out;
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Scripts of valid statements, each of which leaves a trace (a row in {@code log}, a table, a function), written
     * with the constructs a splitter can get wrong: semicolons, quotes and comment markers inside literals, quoted
     * identifiers, comments and bodies. A statement never starts with a comment (psql keeps a block comment before a
     * statement, Migrate drops it, and the server ignores it either way).
     */
    static final class ScriptGenerator {

        private static final String[] TRICKY = {";", "'", "''", "\"", "--", "/*", "*/", "$$", "$a$", "\\", "E'", "(", ")",
            "BEGIN", "END", "CASE", "ä;ö", " ", "\n", "\t"};

        private final Random random;

        private final int number;

        private int names;

        ScriptGenerator(Random random, int number) {
            this.random = random;
            this.number = number;
        }

        String script() {
            StringBuilder script = new StringBuilder("CREATE TABLE log (id serial PRIMARY KEY, v text);\n");
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                if (random.nextInt(3) == 0) {
                    script.append(lineComment());
                }
                script.append(statement());
                boolean last = i == count - 1;
                if (!last || random.nextBoolean()) {
                    script.append(';');
                    script.append(random.nextBoolean() ? "\n" : " ");
                    if (random.nextInt(4) == 0) {
                        script.append(lineComment());
                    }
                }
            }
            return script.toString();
        }

        private String statement() {
            return switch (random.nextInt(8)) {
                case 0 -> "INSERT INTO log (v) VALUES (" + gap() + literal() + gap() + ")";
                case 1 -> "INSERT INTO log (v) VALUES (" + literal() + " || " + literal() + ")," + gap() + "("
                        + literal() + ")";
                case 2 -> "CREATE TABLE " + quotedName() + gap() + "(id int, " + quotedName() + " text DEFAULT "
                        + literal() + ")";
                case 3 -> {
                    String tag = random.nextBoolean() ? "$$" : "$body" + random.nextInt(10) + "$";
                    String body;
                    do {
                        body = " BEGIN INSERT INTO log (v) VALUES (" + literal() + "); " + gap()
                                + "INSERT INTO log (v) VALUES ('do;" + number + "'); END ";
                    }
                    while (body.contains(tag.substring(0, tag.length() - 1)));
                    yield "DO " + tag + body + tag;
                }
                case 4 -> "CREATE " + (random.nextBoolean() ? "OR REPLACE " : "") + "FUNCTION f" + (names++)
                        + "() RETURNS int LANGUAGE sql" + gap() + "BEGIN ATOMIC SELECT 1; " + gap()
                        + "SELECT CASE WHEN " + literal() + " = '' THEN 2 ELSE 3 END; END";
                case 5 -> {
                    String table = "r" + (names++);
                    yield "CREATE TABLE " + table + " (id int); CREATE RULE " + table + "_log AS ON INSERT TO " + table
                            + " DO ALSO (INSERT INTO log (v) VALUES (" + literal() + "); " + gap()
                            + "INSERT INTO log (v) VALUES ('rule;" + number + "')); INSERT INTO " + table + " VALUES (1)";
                }
                case 6 -> "SELECT " + literal() + gap() + "AS " + quotedName();
                default -> "INSERT INTO log (v) SELECT " + literal() + " /* " + commentText() + " /* nested "
                        + commentText() + " */ */ WHERE 1 = 1";
            };
        }

        /** Whitespace, or a comment, between two tokens. */
        private String gap() {
            return switch (random.nextInt(4)) {
                case 0 -> " /* " + commentText() + " */ ";
                case 1 -> " -- " + text().replace("\n", " ") + "\n";
                default -> " ";
            };
        }

        private String lineComment() {
            return "-- " + text().replace("\n", " ") + "\n";
        }

        private String literal() {
            String text = text();
            return switch (random.nextInt(5)) {
                case 0 -> "E'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
                case 1 -> {
                    String tag = "$q" + random.nextInt(3) + "$";
                    yield text.contains(tag) ? "'x'" : tag + text + tag;
                }
                case 2 -> "U&'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
                default -> "'" + text.replace("'", "''") + "'";
            };
        }

        private String quotedName() {
            return "\"" + ("n" + (names++) + pick() + pick()).replace("\"", "\"\"").replace("\0", "") + "\"";
        }

        private String text() {
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(5);
            for (int i = 0; i < parts; i++) {
                text.append(pick()).append(random.nextBoolean() ? "x" : "");
            }
            return text.toString();
        }

        /** Text for a block comment: anything but a comment's own markers. */
        private String commentText() {
            return text().replace("*/", "* /").replace("/*", "/ *");
        }

        private String pick() {
            return TRICKY[random.nextInt(TRICKY.length)];
        }
    }
}
