package dev.migrate.lint;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.script.ScriptException;
import dev.migrate.script.SqlRevisionScript;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule on a real PostgreSQL holding a table with rows: the hazardous revision is flagged, naming its file and
 * line, and the safe form of the same change is not, and runs.
 */
class LinterOnPostgresTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    /** What every case starts from: tables with rows, as in production. */
    static final String BASE = """
            CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(100), name varchar(50), balance numeric(10,2),
                owner_id bigint, legacy text);
            INSERT INTO accounts SELECT g, 'a' || g || '@example.com', 'n' || g, g, g, 'x' FROM generate_series(1, 50) g;
            CREATE TABLE owners (id bigint PRIMARY KEY);
            INSERT INTO owners SELECT g FROM generate_series(1, 50) g;
            CREATE INDEX accounts_legacy ON accounts (legacy);
            """;

    @BeforeEach
    void base() throws SQLException {
        db.reset();
        db.execute(BASE);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(Hazard.INDEX_WITHOUT_CONCURRENTLY, true, "CREATE INDEX accounts_email ON accounts (email);",
                        false, "CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email ON accounts (email);"),
                Arguments.of(Hazard.INDEX_WITHOUT_CONCURRENTLY, true, "DROP INDEX accounts_legacy;",
                        false, "DROP INDEX CONCURRENTLY IF EXISTS accounts_legacy;"),
                Arguments.of(Hazard.CONCURRENTLY_IN_TRANSACTION, true,
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email ON accounts (email);",
                        false, "CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email ON accounts (email);"),
                Arguments.of(Hazard.NOT_NULL_COLUMN_WITHOUT_DEFAULT, true,
                        "ALTER TABLE accounts ADD COLUMN status text NOT NULL;",
                        true, "ALTER TABLE accounts ADD COLUMN status text NOT NULL DEFAULT 'active';"),
                Arguments.of(Hazard.VOLATILE_DEFAULT, true,
                        "ALTER TABLE accounts ADD COLUMN token uuid DEFAULT gen_random_uuid();",
                        true, "ALTER TABLE accounts ADD COLUMN token uuid;\n"
                                + "ALTER TABLE accounts ALTER COLUMN token SET DEFAULT gen_random_uuid();"),
                Arguments.of(Hazard.COLUMN_TYPE_CHANGE, true, "ALTER TABLE accounts ALTER COLUMN name TYPE varchar(20);",
                        true, "ALTER TABLE accounts ALTER COLUMN name TYPE varchar(200);\n"
                                + "ALTER TABLE accounts ALTER COLUMN email TYPE text;\n"
                                + "ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(14,2);"),
                Arguments.of(Hazard.SET_NOT_NULL, true, "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;",
                        false, "ALTER TABLE accounts ADD CONSTRAINT accounts_email_nn CHECK (email IS NOT NULL) NOT VALID;\n"
                                + "ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_nn;\n"
                                + "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;\n"
                                + "ALTER TABLE accounts DROP CONSTRAINT accounts_email_nn;"),
                Arguments.of(Hazard.CONSTRAINT_WITHOUT_NOT_VALID, true,
                        "ALTER TABLE accounts ADD CONSTRAINT accounts_owner FOREIGN KEY (owner_id) REFERENCES owners (id);",
                        false, "ALTER TABLE accounts ADD CONSTRAINT accounts_owner FOREIGN KEY (owner_id) "
                                + "REFERENCES owners (id) NOT VALID;\n"
                                + "ALTER TABLE accounts VALIDATE CONSTRAINT accounts_owner;"),
                Arguments.of(Hazard.CONSTRAINT_WITHOUT_NOT_VALID, true,
                        "ALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance >= 0);",
                        true, "ALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance >= 0) NOT VALID;"),
                Arguments.of(Hazard.UNIQUE_WITHOUT_INDEX, true,
                        "ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);",
                        true, "ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_u;"),
                Arguments.of(Hazard.RENAME, true, "ALTER TABLE accounts RENAME COLUMN name TO full_name;",
                        true, "ALTER TABLE accounts ADD COLUMN full_name varchar(50);"),
                Arguments.of(Hazard.DROP, true, "ALTER TABLE accounts DROP COLUMN legacy;",
                        true, "COMMENT ON COLUMN accounts.legacy IS 'unused since 2026-12; dropped next release';"),
                Arguments.of(Hazard.JSON_TYPE, true, "ALTER TABLE accounts ADD COLUMN settings json;",
                        true, "ALTER TABLE accounts ADD COLUMN settings jsonb;"),
                Arguments.of(Hazard.NOT_RERUNNABLE, false, "ALTER TABLE accounts ADD COLUMN note text;",
                        false, "ALTER TABLE accounts ADD COLUMN IF NOT EXISTS note text;"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("rules")
    void eachRuleFlagsTheHazardAndPassesItsSafeForm(Hazard hazard, boolean transactional, String hazardous,
            boolean safeTransactional, String safe) throws SQLException {
        List<Finding> flagged = lint(revision("f1a9ed000001", transactional, hazardous, ""));
        assertThat(flagged).extracting(Finding::hazard).contains(hazard);
        Finding finding = flagged.stream().filter(f -> f.hazard() == hazard).findFirst().orElseThrow();
        assertThat(finding.where()).isEqualTo("lint/f1a9ed000001.sql:6");
        assertThat(finding.revision()).isEqualTo("f1a9ed000001");
        assertThat(finding.acknowledged()).isFalse();
        assertThat(finding.describe()).contains("Lock: ").contains("Instead: ");

        if (hazard == Hazard.UNIQUE_WITHOUT_INDEX) {
            db.execute("CREATE UNIQUE INDEX CONCURRENTLY accounts_email_u ON accounts (email)");
        }
        RevisionScript safeRevision = revision("5afe00000001", safeTransactional, safe, "");
        assertThat(lint(safeRevision)).as(safe).isEmpty();
        Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(safeRevision))).build()
                .upgrade("heads");
        assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("5afe00000001");
    }

    /** Statements an outside review found the first version of the rules blind to. */
    static Stream<Arguments> missedBefore() {
        return Stream.of(
                Arguments.of(Hazard.CONSTRAINT_WITHOUT_NOT_VALID, true, "ALTER TABLE accounts ADD CONSTRAINT c1 CHECK "
                        + "(email IS NOT NULL) NOT VALID;\nALTER TABLE accounts VALIDATE CONSTRAINT c1;"),
                Arguments.of(Hazard.SET_NOT_NULL, false, "ALTER TABLE owners ADD CONSTRAINT nn CHECK (id IS NOT NULL) "
                        + "NOT VALID;\nALTER TABLE accounts ADD CONSTRAINT nn CHECK (email IS NOT NULL) NOT VALID;\n"
                        + "ALTER TABLE owners VALIDATE CONSTRAINT nn;\nALTER TABLE accounts ALTER COLUMN email SET NOT NULL;"),
                Arguments.of(Hazard.CONSTRAINT_WITHOUT_NOT_VALID, true,
                        "ALTER TABLE accounts ADD CONSTRAINT c2 CHECK (NOT valid OR id > 0);"),
                Arguments.of(Hazard.INDEX_WITHOUT_CONCURRENTLY, true, "CREATE TABLE audit_x.accounts (id bigint);\n"
                        + "CREATE INDEX accounts_x ON public.accounts (email);"),
                Arguments.of(Hazard.COLUMN_TYPE_CHANGE, true,
                        "ALTER TABLE accounts ALTER COLUMN name TYPE varchar(99999999999);"),
                Arguments.of(Hazard.SET_NOT_NULL, true, "ALTER TABLE accounts ADD COLUMN sep text DEFAULT E'\\'', "
                        + "ALTER COLUMN email SET NOT NULL;"),
                Arguments.of(Hazard.SET_NOT_NULL, true, "ALTER TABLE accounts ADD COLUMN a$b$ int, "
                        + "ALTER COLUMN email SET NOT NULL;"),
                Arguments.of(Hazard.UNIQUE_WITHOUT_INDEX, true, "ALTER TABLE accounts ADD COLUMN code text UNIQUE;"),
                Arguments.of(Hazard.UNIQUE_WITHOUT_INDEX, true,
                        "ALTER TABLE accounts ADD CONSTRAINT ex EXCLUDE USING btree (id WITH =);"),
                Arguments.of(Hazard.COLUMN_TYPE_CHANGE, true,
                        "ALTER TABLE accounts ALTER COLUMN legacy TYPE text COLLATE \"C\";"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("missedBefore")
    void hazardsHiddenByNamesQuotesAndFormsAreFound(Hazard hazard, boolean transactional, String sql) {
        assertThat(lint(revision("f1a9ed000002", transactional, sql, ""))).extracting(Finding::hazard)
                .contains(hazard);
    }

    @Test
    void aSchemaQualifiedTableIsLookedUpInItsOwnSchema() throws SQLException {
        db.execute("CREATE SCHEMA billing", "CREATE TABLE billing.accounts (id bigint, name text)");
        // public.accounts.name is varchar(50), which varchar(100) widens; billing's is text, which it does not.
        assertThat(lint(revision("5c0000000001", true,
                "ALTER TABLE billing.accounts ALTER COLUMN name TYPE varchar(100);", ""))).extracting(Finding::hazard)
                .containsExactly(Hazard.COLUMN_TYPE_CHANGE);
        assertThat(lint(revision("5c0000000002", true,
                "ALTER TABLE public.accounts ALTER COLUMN name TYPE varchar(100);", ""))).isEmpty();
    }

    @Test
    void whatIsSafeIsNotFlagged() {
        assertThat(lint(revision("5a0000000003", true, "CREATE TABLE orders (id bigint);\n"
                + "CREATE INDEX orders_i ON orders (id);\nDROP INDEX orders_i;\n"
                + "ALTER TABLE accounts ADD COLUMN status text NOT NULL DEFAULT'active';", ""))).isEmpty();
    }

    @Test
    void aLongStatementIsReadInOnePass() {
        String detach = "ALTER TABLE accounts " + "DETACH PARTITION x ".repeat(12_000) + "CONCURRENTLY;";
        assertThat(lint(revision("10a000000001", true, detach, ""))).extracting(Finding::hazard)
                .contains(Hazard.CONCURRENTLY_IN_TRANSACTION);
    }

    @Test
    void anAcknowledgedHazardIsReportedAsSuchAndAnUnknownIdIsAnError() {
        assertThat(lint(revision("ac0000000001", true, "ALTER TABLE accounts DROP COLUMN legacy;",
                "-- acknowledge: drop\n"))).singleElement().satisfies(finding -> {
                    assertThat(finding.hazard()).isEqualTo(Hazard.DROP);
                    assertThat(finding.acknowledged()).isTrue();
                    assertThat(finding.describe()).startsWith("Revision ac0000000001 (lint/ac0000000001.sql:7): drop "
                            + "(acknowledged)\n  ALTER TABLE accounts DROP COLUMN legacy\n  Lock: ACCESS EXCLUSIVE on the table.");
                });
        assertThatThrownBy(() -> lint(revision("ac0000000002", true, "SELECT 1;", "-- acknowledge: drop-everything\n")))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("Revision ac0000000002 (lint/ac0000000002.sql) acknowledges 'drop-everything', "
                        + "which is not a lint hazard");
    }

    @Test
    void aTableTheRevisionsCreateIsNewAndNotHeldToTheRules() {
        assertThat(lint(revision("e0000000001a", true, """
                CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, placed timestamptz);
                CREATE INDEX orders_account ON orders (account_id);
                ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
                ALTER TABLE orders ALTER COLUMN placed SET NOT NULL;
                ALTER TABLE orders ADD COLUMN code text NOT NULL;
                """, ""))).isEmpty();
    }

    @Test
    void javaOperationsAreHeldToTheSameRulesAsSql() {
        RevisionScript java = dev.migrate.testing.TestRevision.of("a1a2a3a4a5a6", null, op -> {
            op.createIndex("accounts_name", "accounts", "name");
            op.alterColumn("accounts", "email", c -> c.nullable(false));
        }, op -> { });
        assertThat(lint(java)).extracting(Finding::hazard, Finding::where).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Hazard.INDEX_WITHOUT_CONCURRENTLY,
                        "TestRevision a1a2a3a4a5a6, operation 1"),
                org.assertj.core.groups.Tuple.tuple(Hazard.SET_NOT_NULL, "TestRevision a1a2a3a4a5a6, operation 2"));
    }

    @Test
    void withoutTheRunnersLockTimeoutDdlOnAnExistingTableNeedsItsOwn() {
        Linter noTimeout = new Linter(new Linter.Settings(15, false), ColumnTypes.of(db.dataSource()));
        assertThat(noTimeout.lint(List.of(revision("10c000000001", true,
                "ALTER TABLE accounts ADD COLUMN note text;", "")))).extracting(Finding::hazard)
                .containsExactly(Hazard.NO_LOCK_TIMEOUT);
        assertThat(noTimeout.lint(List.of(revision("10c000000002", true,
                "SET LOCAL lock_timeout = '2s';\nALTER TABLE accounts ADD COLUMN note text;", "")))).isEmpty();
    }

    @Test
    void beforePostgres11AnyDefaultRewritesTheTable() {
        Linter old = new Linter(new Linter.Settings(10, true), ColumnTypes.of(db.dataSource()));
        assertThat(old.lint(List.of(revision("0d0000000001", true,
                "ALTER TABLE accounts ADD COLUMN status text NOT NULL DEFAULT 'active';", ""))))
                .extracting(Finding::hazard).containsExactly(Hazard.VOLATILE_DEFAULT);
    }

    @Test
    void textInLiteralsCommentsAndFunctionBodiesIsNotTakenForStatements() {
        assertThat(lint(revision("11e000000001", true, """
                -- ALTER TABLE accounts DROP COLUMN legacy;
                INSERT INTO owners (id) SELECT length('DROP TABLE accounts')::bigint + 100;
                CREATE FUNCTION touch() RETURNS void LANGUAGE sql AS $$ SELECT 1 $$;
                """, ""))).isEmpty();
    }

    List<Finding> lint(RevisionScript... scripts) {
        return new Linter(Linter.Settings.DEFAULT, ColumnTypes.of(db.dataSource())).lint(List.of(scripts));
    }

    /** A SQL revision whose upgrade starts on line 6 (7 with one extra header line). */
    static RevisionScript revision(String id, boolean transactional, String upgrade, String extraHeader) {
        List<String> lines = new ArrayList<>();
        lines.add("-- id: " + id);
        lines.add("-- message: lint case");
        lines.add("-- transactional: " + transactional);
        String header = String.join("\n", lines) + "\n" + extraHeader;
        return SqlRevisionScript.parse("lint/" + id + ".sql", header + "\n-- migrate:upgrade\n" + upgrade
                + "\n-- migrate:downgrade\nSELECT 1;\n");
    }
}
