package dev.migrate.runtime;

import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.revision.MultipleHeadsException;
import dev.migrate.revision.Step;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Java and SQL revisions side by side in one location, forming one graph: accounts, then billing (invoices, payments) and
 * network (hosts) branches joined by a merge, with payments depending on an independent audit branch.
 */
class BranchesOnPostgresTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    final Catalog catalog = new Catalog(db);

    Migrate migrate() {
        return Migrate.builder().dataSource(db.dataSource())
                .locations("classpath:dev/migrate/graph/java").build();
    }

    @BeforeEach
    void empty() throws SQLException {
        db.reset();
    }

    @Test
    void javaAndSqlRevisionsFormOneGraph() {
        assertThat(migrate().graph().size()).isEqualTo(6);
        assertThat(migrate().heads()).extracting(r -> r.id()).containsExactlyInAnyOrder("mmmm00000001", "xxxx00000001");
    }

    @Test
    void upgradingABranchAppliesItsDependencyFirst() throws SQLException {
        RunResult result = migrate().upgrade("bbbb00000002");
        assertThat(result.plan().revisionIds()).containsExactly("aaaa00000001", "bbbb00000001", "xxxx00000001",
                "bbbb00000002");
        // The audit revision is a dependency of payments: it holds no row of its own.
        assertThat(migrate().current()).containsExactly("bbbb00000002");
        assertThat(catalog.tables()).contains("accounts", "invoices", "audit_log", "payments").doesNotContain("hosts");
    }

    @Test
    void headIsTheOneRealHeadTheAuditHeadComesAsItsDependency() throws SQLException {
        // As in Alembic, a head that others only depend on (audit) is no head of its own for 'head'.
        RunResult result = migrate().upgrade("head");
        assertThat(result.rowsAfter()).containsExactly("mmmm00000001");
        assertThat(catalog.tables()).contains("audit_log", "payments", "hosts");
    }

    @Test
    void headWithTwoRealHeadsIsRefusedAndNothingRuns() throws SQLException {
        Migrate forked = Migrate.builder().dataSource(db.dataSource()).scripts(dev.migrate.script.ScriptDirectory.of(
                java.util.List.of(dev.migrate.testing.TestRevision.of("a", null, op -> { }, op -> { }),
                        dev.migrate.testing.TestRevision.of("b", "a", op -> { }, op -> { }),
                        dev.migrate.testing.TestRevision.of("c", "a", op -> { }, op -> { })))).build();
        assertThatThrownBy(() -> forked.upgrade("head")).isInstanceOf(MultipleHeadsException.class);
        assertThat(catalog.tables()).containsExactlyInAnyOrder("migrate_version", "migrate_history");
    }

    @Test
    void upgradingToTheMergeCrossesItWithOneRowLeft() throws SQLException {
        migrate().upgrade("bbbb00000002");
        migrate().upgrade("network@+1");
        assertThat(migrate().current()).containsExactlyInAnyOrder("bbbb00000002", "nnnn00000001");
        // The merge is the head of both branches now.
        RunResult merge = migrate().upgrade("billing@head");
        assertThat(merge.plan().steps()).extracting(Step::versionChange).containsExactly("delete+update");
        assertThat(migrate().current()).containsExactly("mmmm00000001");
        assertThat(catalog.columns("hosts")).containsKey("billing_account");

        RunResult down = migrate().downgrade("-1");
        Step unmerge = down.plan().steps().get(0);
        assertThat(unmerge.versionChange()).isEqualTo("insert+update");
        assertThat(migrate().current()).containsExactlyInAnyOrder("bbbb00000002", "nnnn00000001");
        assertThat(catalog.columns("hosts")).doesNotContainKey("billing_account");
    }

    @Test
    void downgradingOneBranchLeavesItsSiblingAlone() throws SQLException {
        migrate().upgrade("heads");
        migrate().downgrade("-1");
        RunResult result = migrate().downgrade("network@base");
        assertThat(result.plan().revisionIds()).containsExactly("nnnn00000001");
        assertThat(migrate().current()).containsExactly("bbbb00000002");
        assertThat(catalog.tables()).contains("invoices", "payments").doesNotContain("hosts");
    }

    @Test
    void downgradingADependencyRemovesWhatDependsOnIt() throws SQLException {
        migrate().upgrade("heads");
        RunResult result = migrate().downgrade("audit@base");
        assertThat(result.plan().revisionIds()).containsExactly("mmmm00000001", "bbbb00000002", "xxxx00000001");
        assertThat(migrate().current()).containsExactlyInAnyOrder("bbbb00000001", "nnnn00000001");
        assertThat(catalog.tables()).doesNotContain("audit_log", "payments").contains("invoices", "hosts");
    }

    @Test
    void stampSetsTheVersionTableWithoutRunningAnything() throws SQLException {
        migrate().stamp("bbbb00000001", false);
        assertThat(migrate().current()).containsExactly("bbbb00000001");
        assertThat(catalog.tables()).containsExactlyInAnyOrder("migrate_version", "migrate_history");
        migrate().stamp("nnnn00000001", false);
        assertThat(migrate().current()).containsExactlyInAnyOrder("bbbb00000001", "nnnn00000001");
        migrate().stamp("aaaa00000001", true);
        assertThat(migrate().current()).containsExactly("aaaa00000001");
        migrate().stamp("base", false);
        assertThat(migrate().current()).isEmpty();
    }
}
