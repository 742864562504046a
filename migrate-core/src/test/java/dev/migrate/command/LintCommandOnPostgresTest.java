package dev.migrate.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.Migrate;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lint} as a deployment pipeline runs it: against the database, on what it has not applied yet. */
class LintCommandOnPostgresTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path folder;

    @BeforeEach
    void empty() throws SQLException {
        db.reset();
    }

    Commands commands() {
        return new Commands(Migrate.builder().dataSource(db.dataSource()).locations("filesystem:" + folder).build(),
                null);
    }

    void write(String name, String id, String parent, String header, String upgrade) throws IOException {
        Files.writeString(folder.resolve(name), "-- id: " + id + "\n" + (parent == null ? "" : "-- parents: " + parent
                + "\n") + "-- message: " + name + "\n" + header + "\n-- migrate:upgrade\n" + upgrade
                + "\n-- migrate:downgrade\nSELECT 1;\n");
    }

    @Test
    void lintFailsOnAnUnacknowledgedHazardUntilAPersonAcknowledgesIt() throws IOException {
        write("1.sql", "aaaa00000001", null, "", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);");
        assertThat(commands().run("upgrade heads").exitCode()).isZero();
        write("2.sql", "aaaa00000002", "aaaa00000001", "", "CREATE INDEX accounts_email ON accounts (email);");

        CommandResult flagged = commands().run("lint");
        assertThat(flagged.exitCode()).isEqualTo(CommandResult.FAILED);
        assertThat(flagged.output()).startsWith("Revision aaaa00000002 (" + folder.resolve("2.sql") + ":6): "
                + "index-without-concurrently\n  CREATE INDEX accounts_email ON accounts (email)\n  Lock: SHARE on the "
                + "table").contains("1 hazard(s) in 1 of the 1 revision(s) linted, 0 acknowledged.")
                .endsWith("acknowledge it in its revision: '-- acknowledge: index-without-concurrently' in an SQL "
                        + "header, or @RevisionInfo(acknowledge = \"index-without-concurrently\") in Java.");

        write("2.sql", "aaaa00000002", "aaaa00000001", "-- acknowledge: index-without-concurrently",
                "CREATE INDEX accounts_email ON accounts (email);");
        CommandResult acknowledged = commands().run("lint");
        assertThat(acknowledged.exitCode()).as(acknowledged.output()).isZero();
        assertThat(acknowledged.output()).contains("index-without-concurrently (acknowledged)")
                .endsWith("1 hazard(s) in 1 of the 1 revision(s) linted, 1 acknowledged.");
    }

    @Test
    void appliedRevisionsAndThoseBeforeSinceAreNotLinted() throws IOException {
        write("1.sql", "bbbb00000001", null, "", "CREATE TABLE accounts (id bigint PRIMARY KEY, legacy text);");
        write("2.sql", "bbbb00000002", "bbbb00000001", "", "ALTER TABLE accounts DROP COLUMN legacy;");
        assertThat(commands().run("upgrade heads").exitCode()).isZero();
        assertThat(commands().run("lint").output()).isEqualTo("No revisions to lint: the database has applied every one.");
        CommandResult all = commands().run("lint --all");
        assertThat(all.exitCode()).isEqualTo(CommandResult.FAILED);
        // 1.sql has run: the table it created has rows by now, so 2.sql's drop is held to the rules.
        assertThat(all.output()).contains("Revision bbbb00000002").contains(": drop\n");
        CommandResult since = commands().run("lint --all --since bbbb00000002");
        assertThat(since.exitCode()).isZero();
        assertThat(since.output()).isEqualTo("No revisions to lint: the database has applied every one.");
        assertThat(commands().run("lint --since nosuch").output())
                .isEqualTo("FAILED: The lint's 'since' revision 'nosuch' is not a revision of the graph.");
    }

    @Test
    void theTypeChangeRuleReadsTheCurrentTypeFromTheCatalog() throws IOException {
        write("1.sql", "cccc00000001", null, "", "CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(50));");
        assertThat(commands().run("upgrade heads").exitCode()).isZero();
        write("2.sql", "cccc00000002", "cccc00000001", "", "ALTER TABLE accounts ALTER COLUMN name TYPE varchar(80);");
        assertThat(commands().run("lint").output()).isEqualTo("No hazards in the 1 revision(s) linted.");
        write("2.sql", "cccc00000002", "cccc00000001", "", "ALTER TABLE accounts ALTER COLUMN name TYPE varchar(20);");
        assertThat(commands().run("lint").output()).contains("column-type-change")
                .contains("From character varying(50) to varchar(20) rewrites the table.");
        assertThat(commands().run("lint --postgres-version x").exitCode()).isEqualTo(CommandResult.USAGE);
    }
}
