package dev.migrate.autogenerate;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.command.CommandResult;
import dev.migrate.command.Commands;
import dev.migrate.dialect.PostgresDialect;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.schema.ScratchSchema;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL enum types through autogenerate, as Hibernate's named enums make them: created before the tables that
 * use them, labels added where the model puts them, dropped after the columns that used them, and downgraded; and
 * the types and other objects autogenerate does not write, named where the database lacks them.
 */
class EnumTypesOnPostgresTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path folder;

    static final List<String> FIRST = List.of(
            "create type level as enum ('LOW', 'HIGH')",
            // As Hibernate's DDL makes them for its named enums.
            "create cast (varchar as level) with inout as implicit",
            "create cast (level as varchar) with inout as implicit",
            "create type gone as enum ('X')",
            "create table task (id bigint primary key, level level, old gone, kind varchar(10))");

    static final List<String> SECOND = List.of(
            "create type level as enum ('TOP', 'LOW', 'MID', 'HIGH', 'MAX')",
            "create cast (varchar as level) with inout as implicit",
            "create cast (level as varchar) with inout as implicit",
            "create type fresh as enum ('A', 'B')",
            "create type kind as enum ('BUG', 'TASK')",
            "create table task (id bigint primary key, level level, fresh fresh, kind kind)");

    Commands commands(List<String> modelDdl) {
        return ModelDdlCommands.of(db, folder, modelDdl, false);
    }

    @Test
    void typesAndLabelsGoUpAndDownWithTheModel() throws Exception {
        db.reset();
        CommandResult first = commands(FIRST).run("revision --autogenerate -m first");
        assertThat(first.exitCode()).as(first.output()).isZero();
        String created = read("_first.sql");
        assertThat(created).contains("CREATE TYPE level AS ENUM ('LOW', 'HIGH');")
                .contains("CREATE CAST (character varying AS level) WITH INOUT AS IMPLICIT;")
                .contains("CREATE CAST (level AS character varying) WITH INOUT AS IMPLICIT;")
                .contains("CREATE TYPE gone AS ENUM ('X');");
        assertThat(created.indexOf("CREATE TYPE level")).isLessThan(created.indexOf("CREATE TABLE task"));
        assertThat(commands(FIRST).run("upgrade heads").exitCode()).isZero();
        db.execute("INSERT INTO task VALUES (1, 'HIGH', 'X', 'BUG')");
        // The casts let text go into the column, as they do in a schema Hibernate built.
        db.execute("INSERT INTO task (id, level) VALUES (9, 'LOW'::varchar)", "DELETE FROM task WHERE id = 9");
        assertThat(commands(FIRST).run("check").output()).isEqualTo("No new upgrade operations detected.");

        CommandResult second = commands(SECOND).run("revision --autogenerate -m second");
        assertThat(second.exitCode()).as(second.output()).isZero();
        String changed = read("_second.sql");
        assertThat(changed).contains("ALTER TYPE level ADD VALUE IF NOT EXISTS 'TOP' BEFORE 'LOW';")
                .contains("ALTER TYPE level ADD VALUE IF NOT EXISTS 'MID' AFTER 'LOW';")
                .contains("ALTER TYPE level ADD VALUE IF NOT EXISTS 'MAX' AFTER 'HIGH';")
                .contains("ALTER TABLE task ALTER COLUMN kind TYPE kind USING kind::text::kind;")
                .contains("-- PostgreSQL cannot remove a value from an enum type: the downgrade leaves [TOP, MID, MAX]")
                .contains("CREATE TYPE fresh AS ENUM ('A', 'B');").contains("DROP TYPE gone;");
        assertThat(changed.indexOf("DROP TYPE gone")).as("after the column that used it")
                .isGreaterThan(changed.indexOf("DROP COLUMN old"));
        CommandResult upgrade = commands(SECOND).run("upgrade heads");
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(labels("level")).containsExactly("TOP", "LOW", "MID", "HIGH", "MAX");
        assertThat(commands(SECOND).run("check").output()).isEqualTo("No new upgrade operations detected.");
        db.execute("INSERT INTO task (id, level, fresh, kind) VALUES (2, 'MID', 'B', 'TASK')");
        assertThat(db.queryForStrings("SELECT kind FROM task ORDER BY id")).containsExactly("BUG", "TASK");

        db.execute("DELETE FROM task WHERE id = 2");
        assertThat(commands(SECOND).run("downgrade -1").exitCode()).isZero();
        assertThat(labels("gone")).containsExactly("X");
        assertThat(labels("fresh")).isEmpty();
        assertThat(db.queryForStrings("SELECT format_type(atttypid, atttypmod) || ' ' || kind FROM pg_attribute, task"
                + " WHERE attrelid = 'task'::regclass AND attname = 'kind'"))
                .containsExactly("character varying(10) BUG");
        // The labels stay: against the first model, that is the one difference, named with what to do about it.
        List<Change> left;
        try (Connection connection = db.connect()) {
            Schema live = SchemaReader.of(new PostgresDialect()).read(connection, null, Set.of("migrate_version",
                    "migrate_history", "migrate_history_batches"));
            left = SchemaComparison.all().compare(ScratchSchema.build(connection, new PostgresDialect(), FIRST), live);
        }
        assertThat(left).singleElement().satisfies(change -> {
            assertThat(change.description()).isEqualTo("change values of enum type level from [TOP, LOW, MID, HIGH, "
                    + "MAX] to [LOW, HIGH]");
            assertThat(change.upgrade()).isEmpty();
            assertThat(change.hint()).contains("rename it, create it anew with [LOW, HIGH]");
        });

        // Up again: the labels the downgrade left are found there.
        CommandResult again = commands(SECOND).run("upgrade heads");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(labels("level")).containsExactly("TOP", "LOW", "MID", "HIGH", "MAX");
        assertThat(commands(SECOND).run("downgrade -1").exitCode()).isZero();

        assertThat(commands(FIRST).run("downgrade base").exitCode()).isZero();
        assertThat(db.queryForStrings("SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = 'public' AND t.typtype = 'e'")).isEmpty();
    }

    @Test
    void aLabelTheRevisionAlsoUsesMakesItNonTransactional() throws Exception {
        db.reset();
        List<String> before = List.of("create type level as enum ('LOW', 'HIGH')",
                "create table job (id bigint primary key, level level)");
        List<String> after = List.of("create type level as enum ('LOW', 'HIGH', 'URGENT')",
                "create table job (id bigint primary key, level level, floor level default 'URGENT')");
        assertThat(commands(before).run("revision --autogenerate -m jobs").exitCode()).isZero();
        assertThat(commands(before).run("upgrade heads").exitCode()).isZero();

        CommandResult written = commands(after).run("revision --autogenerate -m urgent");
        assertThat(written.exitCode()).as(written.output()).isZero();
        assertThat(written.output()).contains("the revision is non-transactional: PostgreSQL cannot use [URGENT] in "
                + "the transaction that adds them");
        assertThat(read("_urgent.sql")).contains("-- transactional: false");
        CommandResult upgrade = commands(after).run("upgrade heads");
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(commands(after).run("check").output()).isEqualTo("No new upgrade operations detected.");
    }

    @Test
    void whatAutogenerateDoesNotWriteIsNamedWhereTheDatabaseLacksIt() throws Exception {
        db.reset();
        List<String> model = List.of("create type postal as (city varchar(80), street varchar(120))",
                "create domain positive as integer check (value > 0)",
                "create table person (id bigint primary key, home postal, age positive)",
                "create view adults as select id from person where age >= 18",
                "create function person_count() returns bigint language sql as 'select count(*) from person'");
        List<Change> changes;
        try (Connection connection = db.connect()) {
            Schema live = SchemaReader.of(new PostgresDialect()).read(connection, null, Set.of());
            Schema target = ScratchSchema.build(connection, new PostgresDialect(), model);
            assertThat(target.otherObjects()).containsExactly("composite type postal", "domain positive",
                    "function person_count", "view adults");
            changes = SchemaComparison.all().compare(target, live);
        }
        assertThat(changes).extracting(Change::description).startsWith("add composite type postal (not written by "
                + "autogenerate)", "add domain positive (not written by autogenerate)").contains("add table person");
        assertThat(changes).filteredOn(change -> change.description().contains("not written")).hasSize(4)
                .allSatisfy(change -> {
                    assertThat(change.upgrade()).isEmpty();
                    assertThat(change.hint()).contains("create ").contains(" here by hand (op.execute)");
                });
        // Once the database has them (a revision written by hand), nothing more is said of them.
        db.execute("CREATE TYPE postal AS (city varchar(80), street varchar(120))",
                "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)",
                "CREATE TABLE person (id bigint PRIMARY KEY, home postal, age positive)",
                "CREATE VIEW adults AS SELECT id FROM person WHERE age >= 18",
                "CREATE FUNCTION person_count() RETURNS bigint LANGUAGE sql AS 'select count(*) from person'");
        try (Connection connection = db.connect()) {
            Schema live = SchemaReader.of(new PostgresDialect()).read(connection, null, Set.of());
            assertThat(SchemaComparison.all().compare(ScratchSchema.build(connection, new PostgresDialect(), model),
                    live)).isEmpty();
        }
    }

    private List<String> labels(String type) throws Exception {
        return db.queryForStrings("SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
                + " WHERE t.typname = '" + type + "' ORDER BY e.enumsortorder");
    }

    private String read(String suffix) throws IOException {
        return ModelDdlCommands.read(folder, suffix);
    }
}
