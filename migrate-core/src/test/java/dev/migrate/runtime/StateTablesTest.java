package dev.migrate.runtime;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the state tables live, what they are called, and what they remember across runs. */
class StateTablesTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    static ScriptDirectory scripts() {
        return ScriptDirectory.of(List.of(
                TestRevision.of("r1", null, op -> op.createTable("t1", column("id", integer())), op -> op.dropTable("t1")),
                TestRevision.of("r2", "r1", op -> op.createIndex("ix_t1", "t1", i -> i.columns("id").concurrently()),
                        op -> op.dropIndex("ix_t1")).nonTransactional()));
    }

    @BeforeEach
    void empty() throws SQLException {
        db.reset();
        db.execute("DROP SCHEMA IF EXISTS app CASCADE");
    }

    @Test
    void aConfiguredSchemaAndTableNamesHoldEverything() throws SQLException {
        Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(scripts()).schema("app")
                .versionTable("schema_version").historyTable("schema_log").build();
        migrate.upgrade("heads");

        assertThat(new Catalog(db, "app").tables()).containsExactlyInAnyOrder("t1", "schema_version", "schema_log");
        assertThat(new Catalog(db).tables()).isEmpty();
        assertThat(migrate.current()).containsExactly("r2");
        assertThat(db.queryForStrings("SELECT current_schema()")).containsExactly("public");
    }

    @Test
    void aNonTransactionalRevisionThatNeverFinishedIsReportedNotGuessed() throws SQLException {
        Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(scripts()).build();
        migrate.upgrade("r1");
        // What a process killed in the middle of r2 leaves behind: its start mark, and no version row.
        db.execute("INSERT INTO migrate_history (revision, direction, message, started_at, applied_by) "
                + "VALUES ('r2', 'upgrade', 'revision r2', now(), 'deploy')");

        assertThatThrownBy(() -> migrate.upgrade("heads"))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("Revision r2 (revision r2) started its upgrade at ")
                .hasMessageContaining("as deploy and never finished: the process stopped while running it. It is not "
                        + "transactional, so the database may hold part of its changes; the version table says r1.")
                .hasMessageEndingWith("then run 'stamp r2' if it is now fully applied, or 'stamp r1' if it is undone. "
                        + "Stamping clears this mark.");
        assertThat(migrate.current()).containsExactly("r1");

        migrate.stamp("r1", false);
        assertThat(migrate.upgrade("heads").plan().revisionIds()).containsExactly("r2");
    }

    @Test
    void aDatabaseAheadOfTheCodeIsReported() {
        Migrate.builder().dataSource(db.dataSource()).scripts(scripts()).build().upgrade("heads");
        Migrate older = Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(
                List.of(scripts().script("r1")))).build();
        assertThatThrownBy(() -> older.upgrade("heads"))
                .hasMessageStartingWith("The database holds revision(s) r2 that the revisions location does not contain.");
    }
}
