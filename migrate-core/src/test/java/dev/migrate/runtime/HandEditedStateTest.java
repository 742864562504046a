package dev.migrate.runtime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.revision.ResolutionException;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * State tables changed by hand are checked before anything runs: the run stops with what it found and the
 * {@code stamp} that repairs it, instead of applying from base again or leaving a stale row.
 */
class HandEditedStateTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    final Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(LockingTest.chain(3, null, null))
            .build();

    @BeforeEach
    void applied() throws Exception {
        db.reset();
        migrate.upgrade("heads");
    }

    @Test
    void aDroppedVersionTableStopsTheRunInsteadOfApplyingFromBase() throws Exception {
        db.execute("DROP TABLE migrate_version");

        assertThatThrownBy(() -> migrate.upgrade("heads"))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("The version table migrate_version does not exist, but the history table "
                        + "migrate_history records 3 step(s): the version table was dropped or renamed by hand. Nothing "
                        + "was run, since a run would apply every revision again from base. Restore the table, or "
                        + "recreate it with 'stamp <the revisions the database is at>'. The last successful step it "
                        + "records is upgrade r3 at ")
                .hasMessageEndingWith("; if the database was at that one revision, 'stamp r3' recreates the table as "
                        + "it was.");
        assertThat(new Catalog(db).tables()).doesNotContain("migrate_version").contains("t1", "t2", "t3");
        assertThat(db.queryForStrings("SELECT count(*) FROM migrate_history")).containsExactly("3");

        migrate.stamp("r3", false);
        assertThat(migrate.current()).containsExactly("r3");
        assertThat(migrate.upgrade("heads").plan().isEmpty()).isTrue();
    }

    @Test
    void aSecondRowOfTheSameLineageStopsTheRunAndStampRepairsIt() throws Exception {
        db.execute("INSERT INTO migrate_version VALUES ('r1')");

        assertThatThrownBy(() -> migrate.downgrade("-1"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("The version table holds r1, r3, but r1 comes before r3 in the graph: a run never leaves "
                        + "two rows of one lineage, so the table was edited by hand or by another tool. Nothing was run. "
                        + "Set the table to what the database really holds with 'stamp', for example 'stamp r3' if the "
                        + "changes of r3 are applied.");
        assertThat(new Catalog(db).tables()).contains("t1", "t2", "t3");

        migrate.stamp("r3", false);
        assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("r3");
        assertThat(migrate.downgrade("-1").rowsAfter()).containsExactly("r2");
        assertThat(new Catalog(db).tables()).contains("t1", "t2").doesNotContain("t3");
    }
}
