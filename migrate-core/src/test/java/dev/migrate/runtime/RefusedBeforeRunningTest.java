package dev.migrate.runtime;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.script.ScriptException;
import dev.migrate.script.SqlRevisionScript;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Problems found while preparing a plan stop it before its first revision runs. */
class RefusedBeforeRunningTest {

    static TestRevision table(String id, String parent, String table) {
        return TestRevision.of(id, parent, op -> op.createTable(table, column("id", integer())), op -> op.dropTable(table));
    }

    @Nested
    class OnH2 {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.h2();

        @Test
        void anOperationTheDatabaseCannotDoIsRefusedNamingTheRevisionAndTheOperation() throws SQLException {
            Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(
                    table("r1", null, "t1"),
                    TestRevision.of("r2", "r1", op -> op.createIndex("ix_active", "t1", i -> i.columns("id").where("id > 0")),
                            op -> op.dropIndex("ix_active"))))).build();

            assertThatThrownBy(() -> migrate.upgrade("heads"))
                    .isInstanceOf(OperationRefusedException.class)
                    .hasMessage("Revision r2 (TestRevision r2) cannot upgrade on h2: its operation 1 of 1, "
                            + "op.createIndex(\"ix_active\", \"t1\", i -> i.columns(\"id\").where(\"id > 0\")): h2 has no "
                            + "partial indexes (CREATE INDEX ... WHERE). Nothing was run.");
            assertThat(new Catalog(db).tables()).doesNotContain("t1");
            assertThat(migrate.current()).isEmpty();
        }
    }

    @Nested
    class OnPostgres {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.postgres();

        @BeforeEach
        void empty() throws SQLException {
            db.reset();
        }

        @Test
        void concurrentlyInATransactionalRevisionIsRefused() {
            Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(
                    table("r1", null, "t1"),
                    TestRevision.of("r2", "r1", op -> op.createIndex("ix_id", "t1", i -> i.columns("id").concurrently()),
                            op -> op.dropIndex("ix_id"))))).build();
            assertThatThrownBy(() -> migrate.upgrade("heads"))
                    .hasMessageContaining("cannot upgrade on postgresql: its operation 1 of 1, op.createIndex(\"ix_id\", "
                            + "\"t1\", i -> i.columns(\"id\").concurrently()): CONCURRENTLY cannot run inside a transaction; "
                            + "declare the revision non-transactional");
            assertThat(migrate.current()).isEmpty();
        }

        @Test
        void concurrentlyRunsInANonTransactionalRevision() throws SQLException {
            Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(
                    table("r1", null, "t1"),
                    TestRevision.of("r2", "r1", op -> op.createIndex("ix_id", "t1", i -> i.columns("id").concurrently()),
                            op -> op.dropIndexConcurrently("ix_id")).nonTransactional()))).build();
            migrate.upgrade("heads");
            assertThat(new Catalog(db).indexes("t1")).containsEntry("ix_id", "(id)");
            assertThat(migrate.log()).allMatch(record -> Boolean.TRUE.equals(record.success()));
            migrate.downgrade("-1");
            assertThat(new Catalog(db).indexes("t1")).isEmpty();
        }

        @Test
        void aMissingDowngradeSectionIsReportedBeforeAnythingIsUndone() throws SQLException {
            Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(
                    SqlRevisionScript.parse("one.sql", "-- id: r1\n-- migrate:upgrade\nCREATE TABLE t1 (id int);\n"
                            + "-- migrate:downgrade\nDROP TABLE t1;\n"),
                    SqlRevisionScript.parse("two.sql", "-- id: r2\n-- parents: r1\n-- migrate:upgrade\nCREATE TABLE t2 (id int);\n"),
                    table("r3", "r2", "t3")))).build();
            migrate.upgrade("heads");

            assertThatThrownBy(() -> migrate.downgrade("base"))
                    .isInstanceOf(ScriptException.class)
                    .hasMessage("Revision 'r2' (two.sql) has no '-- migrate:downgrade' section, so it cannot be "
                            + "downgraded. Add one, or choose a downgrade target that does not pass through it.");
            assertThat(migrate.current()).containsExactly("r3");
            assertThat(new Catalog(db).tables()).contains("t1", "t2", "t3");
        }
    }
}
