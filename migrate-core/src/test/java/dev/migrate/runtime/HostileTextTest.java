package dev.migrate.runtime;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.dialect.PostgresDialect;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.Psql;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.integer;
import static dev.migrate.op.Ddl.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values, messages and descriptions written to break out of the literal or comment they stand in, run online and as
 * an offline script through psql, on a server whose {@code standard_conforming_strings} is on and off: nothing but
 * what the revisions say happens, and both ways leave the same database.
 */
class HostileTextTest {

    /** Ends a plain literal when backslashes are escapes, then creates a table. */
    static final String ESCAPE = "x\\'; CREATE TABLE pwned (id int); --";

    /** Every line terminator a comment could be ended by, each followed by a statement. */
    static final List<String> LINE_ENDS = List.of("\r", "\u2028", "\u2029", "\u0085", "\u000b", "\f");

    @RegisterExtension
    static final TestDatabase online = TestDatabase.postgres();

    @RegisterExtension
    static final TestDatabase fromScript = TestDatabase.postgres();

    static ScriptDirectory scripts() {
        TestRevision notes = TestRevision.of("h1", null, op -> {
            op.createTable("notes", column("id", integer()).primaryKey(),
                    column("body", text()).defaultValue(ESCAPE).comment(ESCAPE));
            op.setTableComment("notes", ESCAPE);
            op.bulkInsert("notes", List.of("id", "body"), List.of(List.of(1, ESCAPE), List.of(2, "back\\slash")));
            op.execute("INSERT INTO notes (id, body) VALUES (?, ? /* not ? a marker */)", 3, ESCAPE);
            op.execute("INSERT INTO notes (id, body) SELECT ?, $$a ? b$$ || ?", 4, ESCAPE);
            op.execute("INSERT INTO notes (id) VALUES (5)");
            op.jdbc("check\rDROP TABLE victims; --", connection -> { });
        }, op -> op.dropTable("notes")).withMessage("notes" + LINE_ENDS.get(0) + "DROP TABLE victims; --");
        TestRevision previous = notes;
        List<TestRevision> revisions = new java.util.ArrayList<>(List.of(notes));
        for (int i = 0; i < LINE_ENDS.size(); i++) {
            TestRevision next = TestRevision.of("h" + (i + 2), previous.revision().id(), op -> { }, op -> { })
                    .withMessage("step" + LINE_ENDS.get(i) + "DROP TABLE victims; --");
            revisions.add(next);
            previous = next;
        }
        return ScriptDirectory.of(revisions);
    }

    @ParameterizedTest(name = "standard_conforming_strings = {0}")
    @ValueSource(strings = {"on", "off"})
    void nothingButTheRevisionsHappensOnlineOrOffline(String setting) throws Exception {
        for (TestDatabase db : List.of(online, fromScript)) {
            db.reset();
            db.execute("ALTER DATABASE " + db.name() + " SET standard_conforming_strings = " + setting);
            db.execute("CREATE TABLE victims (id int)");
        }
        Migrate.builder().dataSource(online.dataSource()).scripts(scripts()).build().upgrade("heads");
        String script = Migrate.builder().scripts(scripts()).dialect(new PostgresDialect()).build().upgradeSql("heads");
        Psql.run(fromScript, script);

        for (TestDatabase db : List.of(online, fromScript)) {
            assertThat(new Catalog(db).tables()).as(db.name()).contains("victims", "notes").doesNotContain("pwned");
            assertThat(db.queryForStrings("SELECT body FROM notes ORDER BY id")).as(db.name())
                    .containsExactly(ESCAPE, "back\\slash", ESCAPE, "a ? b" + ESCAPE, ESCAPE);
            assertThat(db.queryForStrings("SELECT obj_description('notes'::regclass, 'pg_class')")).containsExactly(ESCAPE);
        }
        assertThat(new Catalog(fromScript).postgresSnapshot()).isEqualTo(new Catalog(online).postgresSnapshot());
        assertThat(fromScript.queryForStrings("SELECT revision || ' ' || message FROM migrate_history ORDER BY id"))
                .isEqualTo(online.queryForStrings("SELECT revision || ' ' || message FROM migrate_history ORDER BY id"));
        // Inside a literal a line terminator is data; inside a comment it would end the comment.
        for (String line : script.split("\n")) {
            if (line.startsWith("--")) {
                assertThat(line).doesNotContainPattern("[\\r\\u2028\\u2029\\u0085\\u000b\\f]");
            }
        }
        assertThat(script).contains("-- Running upgrade -> h1, notes DROP TABLE victims; -- (TestRevision h1)\n");
    }
}
