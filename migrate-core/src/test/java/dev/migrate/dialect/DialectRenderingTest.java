package dev.migrate.dialect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.migrate.op.ColumnType;
import dev.migrate.op.ForeignKey;
import dev.migrate.op.JsonValue;
import dev.migrate.op.Operation;
import dev.migrate.op.Operations;

import static dev.migrate.op.Ddl.bigint;
import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.foreignKey;
import static dev.migrate.op.Ddl.string;
import static org.assertj.core.api.Assertions.assertThat;

/** How each dialect spells operations, types and literals. */
class DialectRenderingTest {

    final PostgresDialect postgres = new PostgresDialect();

    final H2Dialect h2 = new H2Dialect();

    static Operation one(java.util.function.Consumer<Operations> call) {
        Operations op = new Operations();
        call.accept(op);
        return op.recorded().get(0);
    }

    @Test
    void alterColumnIssuesTheTypeChangeFirstAndTheRenameLast() {
        Operation alter = one(op -> op.alterColumn("users", "email", c -> c.rename("mail").comment("login")
                .setDefault("''").nullable(false).type(string(320)).using("email::varchar(320)")));
        assertThat(postgres.render(alter)).containsExactly(
                "ALTER TABLE users ALTER COLUMN email TYPE varchar(320) USING email::varchar(320)",
                "ALTER TABLE users ALTER COLUMN email SET NOT NULL",
                "ALTER TABLE users ALTER COLUMN email SET DEFAULT ''",
                "COMMENT ON COLUMN users.email IS 'login'",
                "ALTER TABLE users RENAME COLUMN email TO mail");
        Operation h2Alter = one(op -> op.alterColumn("users", "email", c -> c.type(string(320)).nullable(true)
                .dropDefault().rename("mail")));
        assertThat(h2.render(h2Alter)).containsExactly(
                "ALTER TABLE users ALTER COLUMN email SET DATA TYPE varchar(320)",
                "ALTER TABLE users ALTER COLUMN email SET NULL",
                "ALTER TABLE users ALTER COLUMN email DROP DEFAULT",
                "ALTER TABLE users ALTER COLUMN email RENAME TO mail");
    }

    @Test
    void indexesWithExpressionsPartsAndConcurrently() {
        Operation index = one(op -> op.createIndex("ix_lower_email", "users",
                i -> i.expression("lower(email)").columns("tenant").unique().where("deleted_at IS NULL").concurrently()));
        assertThat(postgres.render(index)).containsExactly(
                "CREATE UNIQUE INDEX CONCURRENTLY ix_lower_email ON users ((lower(email)), tenant) WHERE deleted_at IS NULL");
        assertThat(h2.problemWith(index)).isEqualTo("h2 has no partial indexes (CREATE INDEX ... WHERE)");
        Operation plain = one(op -> op.inSchema("app").createIndex("ix_tenant", "users", i -> i.columns("tenant").concurrently()));
        assertThat(h2.render(plain)).containsExactly("CREATE INDEX app.ix_tenant ON app.users (tenant)");
        assertThat(postgres.render(plain)).containsExactly("CREATE INDEX CONCURRENTLY ix_tenant ON app.users (tenant)");
    }

    @Test
    void constraintsSequencesAndComments() {
        assertThat(postgres.render(one(op -> op.createForeignKey("payments", foreignKey("fk_invoice", List.of("invoice_id"),
                "invoices", List.of("id")).onDelete(ForeignKey.Action.CASCADE).onUpdate(ForeignKey.Action.RESTRICT)
                .deferrable(true))))).containsExactly("ALTER TABLE payments ADD CONSTRAINT fk_invoice FOREIGN KEY "
                        + "(invoice_id) REFERENCES invoices (id) ON DELETE CASCADE ON UPDATE RESTRICT DEFERRABLE "
                        + "INITIALLY DEFERRED");
        assertThat(h2.problemWith(one(op -> op.createForeignKey("p", foreignKey("f", "a", "b", "c").deferrable(false)))))
                .isEqualTo("h2 has no deferrable constraints");
        assertThat(postgres.render(one(op -> op.createPrimaryKey("pk_t", "t", "a", "b"))))
                .containsExactly("ALTER TABLE t ADD CONSTRAINT pk_t PRIMARY KEY (a, b)");
        assertThat(postgres.render(one(op -> op.createUniqueConstraint("uq_t", "t", "a"))))
                .containsExactly("ALTER TABLE t ADD CONSTRAINT uq_t UNIQUE (a)");
        assertThat(postgres.render(one(op -> op.dropConstraint("uq_t", "t"))))
                .containsExactly("ALTER TABLE t DROP CONSTRAINT uq_t");
        assertThat(postgres.render(one(op -> op.createSequence("seq_orders", 1000, 50))))
                .containsExactly("CREATE SEQUENCE seq_orders START WITH 1000 INCREMENT BY 50");
        assertThat(postgres.render(one(op -> op.setTableComment("t", "it's a table"))))
                .containsExactly("COMMENT ON TABLE t IS 'it''s a table'");
        assertThat(postgres.render(one(op -> op.setTableComment("t", null)))).containsExactly("COMMENT ON TABLE t IS NULL");
    }

    @Test
    void createTableWithACompositeKeyIdentityAndComments() {
        Operation create = one(op -> op.createTable("line_items",
                column("order_id", bigint()).primaryKey(),
                column("line", bigint()).primaryKey().identity(dev.migrate.op.Column.Identity.BY_DEFAULT),
                column("note", string(10)).comment("free text")));
        assertThat(postgres.render(create)).containsExactly("""
                CREATE TABLE line_items (
                    order_id bigint NOT NULL,
                    line bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                    note varchar(10),
                    PRIMARY KEY (order_id, line)
                )""", "COMMENT ON COLUMN line_items.note IS 'free text'");
    }

    @Test
    void portableTypesPerDatabase() {
        assertThat(postgres.type(ColumnType.timestampTz())).isEqualTo("timestamp with time zone");
        assertThat(postgres.type(ColumnType.jsonb())).isEqualTo("jsonb");
        assertThat(h2.type(ColumnType.jsonb())).isEqualTo("json");
        assertThat(postgres.type(ColumnType.bytes())).isEqualTo("bytea");
        assertThat(h2.type(ColumnType.bytes())).isEqualTo("varbinary");
        assertThat(postgres.type(ColumnType.decimal(12, 2))).isEqualTo("numeric(12, 2)");
        assertThat(postgres.type(ColumnType.raw("inet"))).isEqualTo("inet");
    }

    @Test
    void literalsForOfflineScripts() {
        assertThat(postgres.literal("O'Brien")).isEqualTo("'O''Brien'");
        assertThat(postgres.literal(null)).isEqualTo("NULL");
        assertThat(postgres.literal(UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo("'00000000-0000-0000-0000-000000000001'");
        assertThat(postgres.literal(LocalDate.of(2025, 1, 29))).isEqualTo("DATE '2025-01-29'");
        assertThat(postgres.literal(Instant.parse("2025-01-29T12:34:00Z")))
                .isEqualTo("TIMESTAMP WITH TIME ZONE '2025-01-29 12:34Z'");
        assertThat(postgres.literal(new JsonValue("{\"a\": 1}"))).isEqualTo("'{\"a\": 1}'");
        assertThat(h2.literal(new JsonValue("{}"))).isEqualTo("JSON '{}'");
        assertThat(postgres.literal(new byte[] {1, (byte) 0xff})).isEqualTo("E'\\\\x01ff'::bytea");
    }

    @Test
    void aValueWithABackslashIsWrittenSoThatNoServerSettingChangesIt() {
        assertThat(postgres.literal("C:\\temp\\")).isEqualTo("E'C:\\\\temp\\\\'");
        assertThat(postgres.literal("x\\'; DROP")).isEqualTo("E'x\\\\''; DROP'");
        assertThat(h2.literal("C:\\temp\\")).isEqualTo("'C:\\temp\\'");
    }

    @Test
    void identifiersAreBareOnlyWhenPlainAndNotReserved() {
        assertThat(postgres.quote("users")).isEqualTo("users");
        assertThat(postgres.quote("user")).isEqualTo("\"user\"");
        assertThat(postgres.quote("Users")).isEqualTo("\"Users\"");
        assertThat(postgres.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(h2.quote("value")).isEqualTo("\"value\"");
        assertThat(h2.qualify("app", "order")).isEqualTo("app.\"order\"");
    }

    @Test
    void enumTypesArePostgresqlsAndTheirLabelsAreLiterals() {
        assertThat(postgres.render(one(op -> op.createEnumType("mood", "calm", "it's", ""))))
                .containsExactly("CREATE TYPE mood AS ENUM ('calm', 'it''s', '')");
        assertThat(postgres.render(one(op -> op.addEnumValue("mood", "busy"))))
                .containsExactly("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'busy'");
        assertThat(postgres.render(one(op -> op.addEnumValueBefore("mood", "first", "calm"))))
                .containsExactly("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'first' BEFORE 'calm'");
        assertThat(postgres.render(one(op -> op.addEnumValueAfter("mood", "second", "calm"))))
                .containsExactly("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'second' AFTER 'calm'");
        assertThat(postgres.render(one(op -> op.inSchema("app").dropEnumType("Mood"))))
                .containsExactly("DROP TYPE app.\"Mood\"");
        Operation create = one(op -> op.createEnumType("mood", "calm"));
        assertThat(postgres.problemWith(create)).isNull();
        assertThat(h2.problemWith(create)).isEqualTo("h2 has no enum types (CREATE TYPE ... AS ENUM is PostgreSQL's)");
        assertThat(h2.problemWith(one(op -> op.addEnumValue("mood", "busy")))).isNotNull();
        assertThat(h2.problemWith(one(op -> op.dropEnumType("mood")))).isNotNull();
    }
}
