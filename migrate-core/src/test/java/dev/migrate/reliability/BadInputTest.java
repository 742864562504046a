package dev.migrate.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.Migrate;
import dev.migrate.revision.MultipleHeadsException;
import dev.migrate.revision.ResolutionException;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraphException;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.script.ScriptException;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input, each case on a real database: the exact error, and nothing applied. (Edited revisions, missing
 * downgrade sections, operations a database cannot do, lock timeouts, invalid properties and bad Java revision
 * classes have tests of their own, named in the README's guarantees.)
 */
class BadInputTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path folder;

    static TestRevision table(String id, String parent) {
        return TestRevision.of(id, parent, op -> op.createTable("t_" + id, column("id", integer())),
                op -> op.dropTable("t_" + id));
    }

    Migrate migrate(TestRevision... revisions) {
        return Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(revisions))).build();
    }

    @BeforeEach
    void empty() throws SQLException {
        db.reset();
    }

    @Test
    void aCycle() throws SQLException {
        assertThatThrownBy(() -> migrate(table("a", "c"), table("b", "a"), table("c", "b")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Invalid revision graph: the revisions form a cycle through their parents and dependencies: "
                        + "a -> c -> b -> a.");
        assertNothingApplied();
    }

    @Test
    void aMissingParent() throws SQLException {
        assertThatThrownBy(() -> migrate(table("a", null), table("b", "zzz")))
                .hasMessage("Invalid revision graph: revision 'b' (TestRevision b) names parent 'zzz', which does not exist.");
        assertNothingApplied();
    }

    @Test
    void twoRevisionsWithOneId() throws SQLException {
        assertThatThrownBy(() -> Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(
                table("a", null), TestRevision.of("a", null, op -> { }, op -> { })))).build())
                .hasMessage("Invalid revision graph: revision id 'a' is defined twice: in TestRevision a and in "
                        + "TestRevision a.");
        assertNothingApplied();
    }

    @Test
    void anAmbiguousPrefix() throws SQLException {
        Migrate migrate = migrate(table("ae1027a6acf0", null), table("ae10fa34cc12", "ae1027a6acf0"));
        assertThatThrownBy(() -> migrate.upgrade("ae10"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("Multiple revisions start with 'ae10': ae1027a6acf0, ae10fa34cc12. Use more characters of the id.");
        assertNothingApplied();
    }

    @Test
    void anUnknownTarget() throws SQLException {
        assertThatThrownBy(() -> migrate(table("a1", null)).upgrade("b2c3d4"))
                .hasMessage("Can't locate revision identified by 'b2c3d4': no revision id, unique id prefix or branch label is 'b2c3d4'.");
        assertNothingApplied();
    }

    @Test
    void headWithSeveralHeads() throws SQLException {
        assertThatThrownBy(() -> migrate(table("a", null), table("b", "a"), table("c", "a")).upgrade("head"))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple head revisions are present for given argument 'head': b, c. Name one of them, use "
                        + "'<label>@head' to narrow to one branch, use 'heads' for all heads, or join them with "
                        + "'merge heads -m \"<message>\"'.");
        assertNothingApplied();
    }

    @Test
    void aDowngradeBelowBase() throws SQLException {
        Migrate migrate = migrate(table("a", null), table("b", "a"));
        migrate.upgrade("heads");
        assertThatThrownBy(() -> migrate.downgrade("-3"))
                .hasMessage("Relative revision -3 didn't produce 3 migrations: it walks below base, 'b' is only "
                        + "2 revision(s) above base.");
        assertThat(migrate.current()).containsExactly("b");
        assertThat(new Catalog(db).tables()).contains("t_a", "t_b");
    }

    @Test
    void aDatabaseHoldingARevisionTheCodeDoesNotKnow() throws SQLException {
        migrate(table("a", null), table("b", "a")).upgrade("heads");
        assertThatThrownBy(() -> migrate(table("a", null)).upgrade("heads"))
                .hasMessage("The database holds revision(s) b that the revisions location does not contain. Was a "
                        + "revision file deleted, or is this application older than the database? Restore the revision, "
                        + "or run 'stamp' to correct the version table.");
        assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("b");
    }

    @Test
    void anEmptyRevisionsLocationWhenTheDatabaseHasRevisions() throws SQLException {
        migrate(table("a", null)).upgrade("heads");
        Migrate empty = Migrate.builder().dataSource(db.dataSource()).locations("filesystem:" + folder).build();
        assertThat(empty.graph().size()).isZero();
        assertThatThrownBy(() -> empty.upgrade("heads"))
                .hasMessageStartingWith("The database holds revision(s) a that the revisions location does not contain.");
        assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("a");
    }

    @Test
    void aMalformedSqlHeader() throws IOException, SQLException {
        Files.writeString(folder.resolve("20260101_0000_abcd00000001_users.sql"),
                "-- id: abcd00000001\n-- parent: none\n-- migrate:upgrade\nCREATE TABLE users (id int);\n");
        assertThatThrownBy(() -> Migrate.builder().dataSource(db.dataSource()).locations("filesystem:" + folder).build())
                .isInstanceOf(ScriptException.class)
                .hasMessage(folder.resolve("20260101_0000_abcd00000001_users.sql") + ":2: unknown header key 'parent'; "
                        + "the keys are id, parents, branch-labels, depends-on, message, created, transactional, acknowledge.");
        assertNothingApplied();
    }

    @Test
    void anUnclosedCommentInAnSqlRevisionIsAnErrorNotASilentlyShorterRevision() throws IOException, SQLException {
        Path file = folder.resolve("20260101_0000_abcd00000002_tables.sql");
        Files.writeString(file, "-- id: abcd00000002\n\n-- migrate:upgrade\nCREATE TABLE a (id int);\n/* b comes next\n"
                + "CREATE TABLE b (id int);\nCREATE TABLE c (id int);\n");
        Migrate migrate = Migrate.builder().dataSource(db.dataSource()).locations("filesystem:" + folder).build();
        assertThatThrownBy(() -> migrate.upgrade("heads"))
                .isInstanceOf(ScriptException.class)
                .hasMessage(file + ":5: a block comment (/*) that is never closed.");
        assertNothingApplied();
    }

    @Test
    void sqlFilesAreNotRunOnAConnectionThatReadsBackslashesInPlainLiteralsAsEscapes() throws Exception {
        Path file = folder.resolve("20260101_0000_abcd00000003_paths.sql");
        Files.writeString(file, "-- id: abcd00000003\n-- migrate:upgrade\nCREATE TABLE paths (p text);\n"
                + "INSERT INTO paths VALUES ('C:\\temp\\');\n");
        db.execute("ALTER DATABASE " + db.name() + " SET standard_conforming_strings = off");
        try {
            Migrate migrate = Migrate.builder().dataSource(db.dataSource()).locations("filesystem:" + folder).build();
            assertThatThrownBy(() -> migrate.upgrade("heads"))
                    .hasMessageStartingWith("Revision abcd00000003 (" + file + ") cannot upgrade: "
                            + "standard_conforming_strings is off for this connection")
                    .hasMessageEndingWith("Nothing was run.");
            assertNothingApplied();
        }
        finally {
            db.execute("ALTER DATABASE " + db.name() + " RESET standard_conforming_strings");
        }
        Migrate.builder().dataSource(db.dataSource()).locations("filesystem:" + folder).build().upgrade("heads");
        assertThat(db.queryForStrings("SELECT p FROM paths")).containsExactly("C:\\temp\\");
    }

    @Test
    void anIdWithGrammarCharacters() {
        assertThat(Revision.problemWithName("add-users")).contains("'-'");
        assertThatThrownBy(() -> migrate(table("add-users", null)))
                .hasMessageStartingWith("Invalid revision graph: revision id 'add-users' in TestRevision add-users is not "
                        + "valid:");
    }

    @Test
    void idsThatCannotBeStoredOrShownAreRefusedNamingTheFile() throws IOException, SQLException {
        String[] ids = {"abc\u00a0def", "abc\u2003def", "abc\u200bdef", "../../etc", "a/b", "a\\b", "x".repeat(65)};
        String[] problems = {"it contains whitespace or an invisible character (U+00A0)",
            "it contains whitespace or an invisible character (U+2003)",
            "it contains whitespace or an invisible character (U+200B)",
            "it contains '/', which cannot be part of a file name", "it contains '/', which cannot be part of a file name",
            "it contains '\\', which cannot be part of a file name",
            "it is 65 characters long, and the version table holds at most 64"};
        for (int i = 0; i < ids.length; i++) {
            Path revisions = Files.createDirectories(folder.resolve("case" + i));
            Path file = revisions.resolve("20260101_0000_bad_users.sql");
            Files.writeString(file, "-- id: " + ids[i] + "\n-- migrate:upgrade\nCREATE TABLE users (id int);\n");
            assertThatThrownBy(() -> Migrate.builder().dataSource(db.dataSource()).locations("filesystem:" + revisions)
                    .build())
                    .isInstanceOf(RevisionGraphException.class)
                    .hasMessage("Invalid revision graph: revision id '" + ids[i] + "' in " + file + " is not valid: "
                            + problems[i] + ".");
        }
        assertThat(Revision.problemWithName("a..b")).isEqualTo("it contains '..', which cannot be part of a file name");
        assertNothingApplied();
    }

    private static void assertNothingApplied() throws SQLException {
        assertThat(new Catalog(db).tables()).allMatch(table -> table.startsWith("migrate_"));
        if (new Catalog(db).tables().contains("migrate_version")) {
            assertThat(db.queryForStrings("SELECT count(*) FROM migrate_version")).containsExactly("0");
            assertThat(db.queryForStrings("SELECT count(*) FROM migrate_history")).containsExactly("0");
        }
    }
}
