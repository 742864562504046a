package dev.migrate.runtime;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.op.ForeignKey;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.bigint;
import static dev.migrate.op.Ddl.bool;
import static dev.migrate.op.Ddl.bytes;
import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.date;
import static dev.migrate.op.Ddl.decimal;
import static dev.migrate.op.Ddl.doubleType;
import static dev.migrate.op.Ddl.floatType;
import static dev.migrate.op.Ddl.foreignKey;
import static dev.migrate.op.Ddl.integer;
import static dev.migrate.op.Ddl.json;
import static dev.migrate.op.Ddl.jsonb;
import static dev.migrate.op.Ddl.smallint;
import static dev.migrate.op.Ddl.string;
import static dev.migrate.op.Ddl.text;
import static dev.migrate.op.Ddl.time;
import static dev.migrate.op.Ddl.timestamp;
import static dev.migrate.op.Ddl.timestampTz;
import static dev.migrate.op.Ddl.uuid;
import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the API, run for real and read back from the catalog, then undone. */
class EveryOperationTest {

    static ScriptDirectory scripts() {
        return ScriptDirectory.of(List.of(
                TestRevision.of("r1", null, op -> {
                    op.createTable("kinds",
                            column("id", uuid()).primaryKey(),
                            column("s", string(40)).notNull().defaultValue("x"),
                            column("t", text()), column("i16", smallint()), column("i32", integer()),
                            column("i64", bigint()), column("flag", bool()).defaultSql("FALSE"),
                            column("amount", decimal(10, 3)), column("f", floatType()), column("d", doubleType()),
                            column("day", date()), column("at", time()), column("ts", timestamp()),
                            column("tstz", timestampTz()), column("doc", json()), column("docb", jsonb()),
                            column("raw", bytes()));
                    op.setTableComment("kinds", "one column of each type");
                    op.bulkInsert("kinds", List.of("id", "s", "amount", "day", "tstz", "docb", "raw"), List.of(
                            List.of(UUID.fromString("00000000-0000-0000-0000-00000000000a"), "first",
                                    new BigDecimal("1.250"), LocalDate.of(2025, 1, 29),
                                    Instant.parse("2025-01-29T12:34:00Z"), dev.migrate.op.Ddl.json("{\"a\": 1}"),
                                    new byte[] {1, 2})));
                    op.execute("UPDATE kinds SET i32 = ? WHERE s = ?", 42, "first");
                }, op -> op.dropTable("kinds")),
                TestRevision.of("r2", "r1", op -> {
                    op.createTable("owners", column("id", bigint()).notNull(), column("code", string(10)).notNull());
                    op.createPrimaryKey("pk_owners", "owners", "id");
                    op.createUniqueConstraint("uq_owners_code", "owners", "code");
                    op.addColumn("kinds", column("owner_id", bigint()).comment("who owns it"));
                    op.createForeignKey("kinds", foreignKey("fk_kinds_owner", "owner_id", "owners", "id")
                            .onDelete(ForeignKey.Action.SET_NULL));
                    op.createCheckConstraint("ck_positive", "kinds", "i32 > 0");
                    op.createIndex("ix_kinds_s", "kinds", "s", "i32");
                    op.createSequence("seq_kinds", 100, 10);
                }, op -> {
                    op.dropSequence("seq_kinds");
                    op.dropIndex("ix_kinds_s");
                    op.dropConstraint("ck_positive", "kinds");
                    op.dropConstraint("fk_kinds_owner", "kinds");
                    op.dropColumn("kinds", "owner_id");
                    op.dropTable("owners");
                }),
                TestRevision.of("r3", "r2", op -> {
                    op.alterColumn("kinds", "s", c -> c.type(string(80)).nullable(true).setDefault("'y'"));
                    op.renameColumn("kinds", "t", "body");
                    op.renameTable("owners", "holders");
                }, op -> {
                    op.renameTable("holders", "owners");
                    op.renameColumn("kinds", "body", "t");
                    op.alterColumn("kinds", "s", c -> c.type(string(40)).nullable(false).setDefault("'x'"));
                })));
    }

    abstract static class Contract {

        abstract TestDatabase db();

        @BeforeEach
        void empty() throws SQLException {
            db().reset();
        }

        @Test
        void everyOperationChangesTheSchemaAndItsDowngradeRestoresIt() throws SQLException {
            Migrate migrate = Migrate.builder().dataSource(db().dataSource()).scripts(scripts()).build();
            Catalog catalog = new Catalog(db());

            migrate.upgrade("r1");
            assertThat(catalog.columns("kinds")).hasSize(17);
            assertThat(catalog.columns("kinds").get("s").size()).isEqualTo(40);
            assertThat(db().queryForStrings("SELECT i32 FROM kinds")).containsExactly("42");
            assertThat(db().queryForStrings("SELECT amount FROM kinds")).containsExactly("1.250");
            assertThat(db().queryForStrings("SELECT s FROM kinds")).containsExactly("first");

            migrate.upgrade("r2");
            assertThat(catalog.primaryKey("owners")).containsExactly("id");
            assertThat(catalog.foreignKeys("kinds")).containsExactly("fk_kinds_owner: owner_id -> owners.id ON DELETE SET NULL");
            assertThat(catalog.checkConstraints()).contains("ck_positive");
            assertThat(catalog.indexes("kinds")).containsEntry("ix_kinds_s", "(s, i32)");

            migrate.upgrade("r3");
            assertThat(catalog.columns("kinds").get("s").size()).isEqualTo(80);
            assertThat(catalog.columns("kinds").get("s").nullable()).isTrue();
            assertThat(catalog.columns("kinds")).containsKey("body").doesNotContainKey("t");
            assertThat(catalog.tables()).contains("holders").doesNotContain("owners");

            migrate.downgrade("r1");
            assertThat(catalog.tables()).containsExactlyInAnyOrder("kinds", "migrate_version", "migrate_history");
            assertThat(catalog.columns("kinds")).hasSize(17).containsKey("t");
            assertThat(catalog.columns("kinds").get("s").nullable()).isFalse();
            migrate.downgrade("base");
            assertThat(catalog.tables()).containsExactlyInAnyOrder("migrate_version", "migrate_history");
        }
    }

    @Nested
    class OnPostgres extends Contract {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.postgres();

        @Override
        TestDatabase db() {
            return db;
        }

        @Test
        void jsonAndCommentsArriveAsPostgresTypes() throws SQLException {
            Migrate.builder().dataSource(db.dataSource()).scripts(scripts()).build().upgrade("r2");
            assertThat(db.queryForStrings("SELECT docb->>'a' FROM kinds")).containsExactly("1");
            assertThat(db.queryForStrings("SELECT obj_description('kinds'::regclass, 'pg_class')"))
                    .containsExactly("one column of each type");
            assertThat(db.queryForStrings("SELECT col_description('kinds'::regclass, "
                    + "(SELECT attnum FROM pg_attribute WHERE attrelid = 'kinds'::regclass AND attname = 'owner_id'))"))
                    .containsExactly("who owns it");
            assertThat(db.queryForStrings("SELECT nextval('seq_kinds')")).containsExactly("100");
        }
    }

    @Nested
    class OnH2 extends Contract {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.h2();

        @Override
        TestDatabase db() {
            return db;
        }
    }
}
