package dev.migrate.runtime;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.script.SqlRevisionScript;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An applied revision that was edited afterwards stops the run, unless the user allows it. */
class ChecksumValidationTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    static final String FIRST = """
            -- id: c0ffee000001
            -- message: notes

            -- migrate:upgrade
            CREATE TABLE notes (id int);

            -- migrate:downgrade
            DROP TABLE notes;
            """;

    static final String SECOND = """
            -- id: c0ffee000002
            -- parents: c0ffee000001

            -- migrate:upgrade
            CREATE TABLE tags (id int);
            """;

    static Migrate migrate(String first, boolean validate) {
        return Migrate.builder().dataSource(db.dataSource()).validateChecksums(validate)
                .scripts(ScriptDirectory.of(List.of(SqlRevisionScript.parse("V1.sql", first),
                        SqlRevisionScript.parse("V2.sql", SECOND))))
                .build();
    }

    @BeforeEach
    void applyTheFirstRevision() throws SQLException {
        db.reset();
        migrate(FIRST, true).upgrade("c0ffee000001");
    }

    @Test
    void anEditedUpgradeStopsTheRunBeforeAnythingRuns() throws SQLException {
        String edited = FIRST.replace("CREATE TABLE notes (id int);", "CREATE TABLE notes (id bigint);");

        ChecksumMismatchException error = catchThrowableOfType(ChecksumMismatchException.class,
                () -> migrate(edited, true).upgrade("heads"));

        assertThat(error.revisions()).containsExactly("c0ffee000001");
        assertThat(error.getMessage()).startsWith("Applied revision(s) were edited after they ran:\n  - c0ffee000001 "
                + "(V1.sql): applied as ").contains("record the new checksum with the 'repair' command");
        assertThat(db.queryForStrings("SELECT to_regclass('tags')::text")).containsOnlyNulls();
    }

    @Test
    void whitespaceAndTheDowngradeSectionAreNotEdits() {
        String reformatted = FIRST.replace("CREATE TABLE notes (id int);", "CREATE TABLE notes (id int);   \r")
                .replace("DROP TABLE notes;", "DROP TABLE IF EXISTS notes;");
        assertThat(migrate(reformatted, true).upgrade("heads").plan().revisionIds()).containsExactly("c0ffee000002");
    }

    @Test
    void repairRecordsAnEditedChecksumSoThatLaterRunsPass() throws SQLException {
        String commented = FIRST.replace("CREATE TABLE notes (id int);", "-- notes are short\nCREATE TABLE notes (id int);");
        String applied = db.queryForStrings("SELECT checksum FROM migrate_history WHERE direction = 'upgrade'").get(0);
        String now = SqlRevisionScript.parse("V1.sql", commented).checksum();
        catchThrowableOfType(ChecksumMismatchException.class, () -> migrate(commented, true).upgrade("heads"));

        assertThat(migrate(commented, true).repair())
                .containsExactly("c0ffee000001 (V1.sql): applied as " + applied + ", now " + now);

        assertThat(migrate(commented, true).upgrade("heads").plan().revisionIds()).containsExactly("c0ffee000002");
        assertThat(db.queryForStrings("SELECT revision || ' ' || direction || ' ' || checksum || ' ' || message "
                + "FROM migrate_history ORDER BY id")).containsExactly(
                        "c0ffee000001 upgrade " + applied + " notes",
                        "c0ffee000001 repair " + now + " checksum " + applied + " -> " + now + " accepted",
                        "c0ffee000002 upgrade " + SqlRevisionScript.parse("V2.sql", SECOND).checksum() + " ");
        assertThat(migrate(commented, true).repair()).isEmpty();
        assertThat(db.queryForStrings("SELECT count(*) FROM migrate_history")).containsExactly("3");
    }

    @Test
    void theUserCanAllowAnEdit() {
        String edited = FIRST.replace("(id int)", "(id int, body text)");
        assertThat(migrate(edited, false).upgrade("heads").plan().revisionIds()).containsExactly("c0ffee000002");
    }
}
