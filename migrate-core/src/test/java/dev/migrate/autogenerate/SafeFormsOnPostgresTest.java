package dev.migrate.autogenerate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.command.CommandResult;
import dev.migrate.command.Commands;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autogenerate with safe forms against a PostgreSQL table that has rows: what would lock the table for a scan or an
 * index build is written in its online form, partly in a non-transactional follow-up revision; lint passes both,
 * they run, and the database then matches the model.
 */
class SafeFormsOnPostgresTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path folder;

    /** The model: email required and indexed, accounts tied to owners, and a new table of notes. */
    static final List<String> MODEL = List.of(
            "CREATE TABLE owners (id bigint PRIMARY KEY, code text)",
            "CREATE UNIQUE INDEX owners_code_key ON owners (code)",
            "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, name text NOT NULL, owner_id bigint, "
                    + "owner_code text, CONSTRAINT accounts_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id), "
                    + "CONSTRAINT accounts_owner_code_fk FOREIGN KEY (owner_code) REFERENCES owners (code))",
            "CREATE INDEX accounts_email_idx ON accounts (email)",
            "CREATE TABLE notes (id bigint PRIMARY KEY, account_id bigint, "
                    + "CONSTRAINT notes_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id))",
            "CREATE INDEX notes_account_idx ON notes (account_id)");

    Commands commands(boolean safeForms) {
        return commands(safeForms, MODEL);
    }

    Commands commands(boolean safeForms, List<String> modelDdl) {
        return ModelDdlCommands.of(db, folder, modelDdl, safeForms);
    }

    @Test
    void changesToATableWithRowsAreWrittenInTheirOnlineFormsAndMatchTheModelOnceRun() throws Exception {
        db.reset();
        writeBase("0000000000a1", """
                CREATE TABLE owners (id bigint PRIMARY KEY, code text);
                CREATE TABLE accounts (id bigint PRIMARY KEY, email text, name text, owner_id bigint, owner_code text);
                INSERT INTO owners SELECT g, 'o' || g FROM generate_series(1, 20) g;
                INSERT INTO accounts SELECT g, 'a' || g || '@example.com', CASE WHEN g = 3 THEN NULL ELSE 'n' END,
                    g, 'o' || g FROM generate_series(1, 20) g;
                """, """
                DROP TABLE accounts;
                DROP TABLE owners;
                """);
        assertThat(commands(true).run("upgrade heads").exitCode()).isZero();

        CommandResult written = commands(true).run("revision --autogenerate -m 'tighten accounts'");
        assertThat(written.exitCode()).as(written.output()).isZero();
        assertThat(written.output()).contains("goes into a non-transactional follow-up revision");
        String main = read("_tighten_accounts.sql");
        String online = read("_tighten_accounts_online_part.sql");
        assertThat(main).contains("CHECK (email IS NOT NULL) NOT VALID")
                .contains("FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID")
                .contains("CREATE TABLE notes").contains("CREATE INDEX notes_account_idx ON notes (account_id)")
                .doesNotContain("CONCURRENTLY").doesNotContain("SET NOT NULL");
        assertThat(online).contains("-- transactional: false")
                .contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_idx ON accounts (email)")
                .contains("VALIDATE CONSTRAINT accounts_owner_fk")
                .contains("VALIDATE CONSTRAINT accounts_email_not_null")
                .contains("SET NOT NULL").contains("DROP CONSTRAINT IF EXISTS accounts_email_not_null");

        assertThat(online).as("the follow-up is linted after its revision").doesNotContain("lint:")
                .contains("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS owners_code_key ON owners (code)")
                .contains("ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_owner_code_fk;\nALTER TABLE accounts "
                        + "ADD CONSTRAINT accounts_owner_code_fk FOREIGN KEY (owner_code) REFERENCES owners (code) "
                        + "NOT VALID;");
        assertThat(online.indexOf("owners_code_key")).as("the foreign key after the index it needs")
                .isLessThan(online.indexOf("accounts_owner_code_fk"));
        assertThat(main).doesNotContain("accounts_owner_code_fk");
        assertThat(online.indexOf("VALIDATE CONSTRAINT accounts_name_not_null"))
                .as("every validation before any SET NOT NULL, so that a run again after a failure finds its checks")
                .isLessThan(online.indexOf("ALTER COLUMN email SET NOT NULL"));

        CommandResult lint = commands(true).run("lint");
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).isEqualTo("No hazards in the 2 revision(s) linted.");
        assertThat(commands(true).run("upgrade +1").exitCode()).isZero();
        assertThat(commands(true).run("lint").output()).as("the follow-up alone, its checks added by a revision run")
                .isEqualTo("No hazards in the 1 revision(s) linted.");

        // A row without a name: the follow-up stops at that validation, and runs to its end once the data is fixed.
        CommandResult stopped = commands(true).run("upgrade heads");
        assertThat(stopped.exitCode()).isEqualTo(CommandResult.FAILED);
        assertThat(stopped.output()).contains("accounts_name_not_null");
        db.execute("UPDATE accounts SET name = 'n' WHERE name IS NULL");
        CommandResult upgrade = commands(true).run("upgrade heads");
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(commands(true).run("check").output()).isEqualTo("No new upgrade operations detected.");
    }

    @Test
    void withoutSafeFormsTheSameChangesAreOneRevisionThatLintFlags() throws Exception {
        db.reset();
        writeBase("0000000000b1", """
                CREATE TABLE owners (id bigint PRIMARY KEY, code text);
                CREATE TABLE accounts (id bigint PRIMARY KEY, email text, name text, owner_id bigint, owner_code text);
                """, """
                DROP TABLE accounts;
                DROP TABLE owners;
                """);
        assertThat(commands(false).run("upgrade heads").exitCode()).isZero();
        assertThat(commands(false).run("revision --autogenerate -m 'tighten accounts'").output())
                .doesNotContain("follow-up");
        CommandResult lint = commands(false).run("lint");
        assertThat(lint.exitCode()).isEqualTo(CommandResult.FAILED);
        assertThat(lint.output()).contains(": set-not-null").contains(": constraint-without-not-valid")
                .contains(": index-without-concurrently");
    }

    @Test
    void whatCannotBeWrittenSafelyIsWrittenWithTheLintFindingAndItsRecipe() throws Exception {
        db.reset();
        writeBase("0000000000c1", """
                CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(50));
                """, """
                DROP TABLE accounts;
                """);
        List<String> narrower = List.of("CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(20))");
        assertThat(commands(true, narrower).run("upgrade heads").exitCode()).isZero();
        CommandResult written = commands(true, narrower).run("revision --autogenerate -m 'narrow names'");
        assertThat(written.exitCode()).as(written.output()).isZero();
        assertThat(written.output()).contains("note: lint: column-type-change").doesNotContain("follow-up");
        assertThat(read("_narrow_names.sql")).contains("-- lint: column-type-change (changing a column's type "
                + "rewrites the table").contains("instead: expand and contract: add a column of the new type, "
                + "backfill it with op.batchUpdate, switch the code, drop the old column)")
                .contains("ALTER TABLE accounts ALTER COLUMN name TYPE varchar(20)");
        assertThat(commands(true, narrower).run("lint").output()).contains(": column-type-change");
    }

    /** The revision the database starts from: tables, and rows where a case needs them. */
    void writeBase(String id, String upgrade, String downgrade) throws IOException {
        Files.writeString(folder.resolve("20250101_0000_" + id + "_base.sql"), "-- id: " + id + "\n-- message: base\n\n"
                + "-- migrate:upgrade\n" + upgrade + "\n-- migrate:downgrade\n" + downgrade);
    }

    String read(String suffix) throws IOException {
        return ModelDdlCommands.read(folder, suffix);
    }
}
