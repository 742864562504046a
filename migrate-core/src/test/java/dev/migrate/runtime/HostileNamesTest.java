package dev.migrate.runtime;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.dialect.PostgresDialect;
import dev.migrate.op.ForeignKey;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.check;
import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.foreignKey;
import static dev.migrate.op.Ddl.integer;
import static dev.migrate.op.Ddl.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reserved words, quotes, semicolons, spaces and non-ASCII letters as names: correct SQL, online and offline, and
 * never a second statement smuggled in.
 */
class HostileNamesTest {

    static final String USER = "user";
    static final String ORDER = "order";
    static final String QUOTE = "we\"ird";
    static final String INJECTION = "x\"; DROP TABLE victims; --";
    static final String SPACED = "first name";
    static final String GERMAN = "größe";

    static ScriptDirectory scripts() {
        return ScriptDirectory.of(List.of(TestRevision.of("r1", null, op -> {
            op.createTable(USER,
                    column("id", integer()).primaryKey(),
                    column(ORDER, string(20)).defaultValue("it's; DROP TABLE victims"),
                    column(QUOTE, integer()),
                    column(SPACED, string(50)),
                    column(GERMAN, integer()),
                    check("positive; DROP TABLE victims", "\"" + GERMAN + "\" >= 0"));
            op.createTable(INJECTION, column("id", integer()).primaryKey(), column("user_id", integer()),
                    foreignKey("fk \"user\"", "user_id", USER, "id").onDelete(ForeignKey.Action.SET_NULL));
            op.createIndex("ix " + ORDER, USER, ORDER, QUOTE);
            op.bulkInsert(USER, List.of(Map.of("id", 1, ORDER, "O'Brien; --", GERMAN, 3, SPACED, "Zoë")));
        }, op -> {
            op.dropTable(INJECTION);
            op.dropTable(USER);
        })));
    }

    abstract static class Contract {

        abstract TestDatabase db();

        @BeforeEach
        void setUp() throws SQLException {
            db().reset();
            db().execute("CREATE TABLE victims (id int)");
        }

        @Test
        void everyNameArrivesExactlyAsWritten() throws SQLException {
            Migrate migrate = Migrate.builder().dataSource(db().dataSource()).scripts(scripts()).build();
            migrate.upgrade("heads");

            Catalog catalog = new Catalog(db());
            assertThat(catalog.tables()).contains(USER, INJECTION, "victims");
            assertThat(catalog.columns(USER)).containsOnlyKeys("id", ORDER, QUOTE, SPACED, GERMAN);
            assertThat(catalog.indexes(USER)).containsKey("ix " + ORDER);
            assertThat(catalog.foreignKeys(INJECTION)).containsExactly("fk \"user\": user_id -> user.id ON DELETE SET NULL");
            assertThat(catalog.checkConstraints()).contains("positive; DROP TABLE victims");
            assertThat(db().queryForStrings("SELECT \"order\" FROM \"user\"")).containsExactly("O'Brien; --");

            migrate.downgrade("base");
            assertThat(catalog.tables()).contains("victims").doesNotContain(USER, INJECTION);
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
        void theOfflineScriptQuotesThemTooAndRunsAsOneScript() throws SQLException {
            String sql = Migrate.builder().scripts(scripts()).dialect(new PostgresDialect()).build().upgradeSql("heads");
            assertThat(sql).contains("CREATE TABLE \"user\" (").contains("\"we\"\"ird\" integer")
                    .contains("CREATE TABLE \"x\"\"; DROP TABLE victims; --\" (")
                    .contains("DEFAULT 'it''s; DROP TABLE victims'")
                    .contains("'O''Brien; --'");
            db.execute(sql);
            assertThat(new Catalog(db).tables()).contains(USER, INJECTION, "victims");
        }
    }

    @Nested
    class StateTableNamesOnPostgres {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.postgres();

        @Test
        void hostileSchemaAndTableNamesFromPropertiesAreQuoted() throws SQLException {
            db.reset();
            db.execute("CREATE TABLE victims (id int)");
            String schema = "my \"schema\"; DROP TABLE public.victims; --";
            Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(scripts()).schema(schema)
                    .versionTable("version'); DROP TABLE public.victims; --").historyTable("Hist\"ory").build();
            migrate.upgrade("heads");
            assertThat(migrate.current()).containsExactly("r1");
            assertThat(new Catalog(db, schema).tables()).containsExactlyInAnyOrder(USER, INJECTION,
                    "version'); DROP TABLE public.victims; --", "Hist\"ory");
            assertThat(new Catalog(db).tables()).containsExactly("victims");
            migrate.downgrade("base");
            assertThat(new Catalog(db, schema).tables()).hasSize(2);
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
