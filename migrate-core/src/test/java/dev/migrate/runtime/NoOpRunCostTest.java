package dev.migrate.runtime;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.testing.CountingDataSource;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Every application start pays for a run with nothing pending: it must not grow with the history. */
class NoOpRunCostTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @Test
    void aRunWithNothingPendingSendsFourStatementsWhateverTheHistorysLength() throws Exception {
        assertThat(statementsOfANoOpRun(10)).hasSize(4);
        assertThat(statementsOfANoOpRun(200)).hasSize(4);
    }

    private List<String> statementsOfANoOpRun(int revisions) throws Exception {
        db.reset();
        CountingDataSource counting = new CountingDataSource(db);
        Migrate migrate = Migrate.builder().dataSource(counting.dataSource())
                .scripts(LockingTest.chain(revisions, null, null)).build();
        migrate.upgrade("heads");
        counting.clear();
        assertThat(migrate.upgrade("heads").plan().isEmpty()).isTrue();
        List<String> statements = counting.statements();
        assertThat(statements.get(0)).startsWith("SELECT pg_try_advisory_lock(key)");
        assertThat(statements.get(statements.size() - 1)).isEqualTo("SELECT pg_advisory_unlock(?)");
        return statements;
    }
}
