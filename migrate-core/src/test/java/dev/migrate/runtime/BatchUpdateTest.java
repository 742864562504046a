package dev.migrate.runtime;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.bigint;
import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batched data-change helper: keyset batches, each committed, progress reported, resumable. */
class BatchUpdateTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    final List<Long> batches = new ArrayList<>();

    static TestRevision table() {
        return TestRevision.of("b1", null, op -> {
            op.createTable("people", column("id", bigint()).primaryKey(), column("email", string(100)).notNull(),
                    column("normalized", string(100)));
            op.execute("INSERT INTO people (id, email) SELECT g, 'Person' || g || '@Example.COM' FROM generate_series(1, 10500) g");
        }, op -> op.dropTable("people"));
    }

    static TestRevision backfill(boolean transactional) {
        TestRevision revision = TestRevision.of("b2", "b1",
                op -> op.batchUpdate("people", "id", "normalized = lower(email)", "normalized IS NULL", 1000),
                op -> op.execute("UPDATE people SET normalized = NULL"));
        return transactional ? revision : revision.nonTransactional();
    }

    Migrate migrate(boolean transactional) {
        return Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(table(),
                backfill(transactional)))).listener(new MigrationListener() {
                    @Override
                    public void batchCommitted(StepEvent event, String name, long rowsDone, double rowsPerSecond) {
                        batches.add(rowsDone);
                    }
                }).build();
    }

    @BeforeEach
    void empty() throws SQLException {
        db.reset();
    }

    @Test
    void updatesEveryRowInCommittedBatchesAndReportsProgress() throws SQLException {
        migrate(false).upgrade("heads");
        assertThat(db.queryForStrings("SELECT count(*) FROM people WHERE normalized = lower(email)")).containsExactly("10500");
        assertThat(batches).hasSize(11).startsWith(1000L, 2000L).endsWith(10500L);
        assertThat(db.queryForStrings("SELECT count(*) FROM migrate_history_batches")).containsExactly("0");
    }

    @Test
    void anInterruptedRunResumesAfterTheLastCommittedBatch() throws SQLException {
        migrate(false).upgrade("b1");
        // What a run killed after four batches leaves: four batches done and saved, a start mark, no version row.
        db.execute("UPDATE people SET normalized = lower(email) WHERE id <= 4000",
                "CREATE TABLE migrate_history_batches (revision VARCHAR(64) NOT NULL, name VARCHAR(400) NOT NULL, "
                        + "last_key VARCHAR(400) NOT NULL, rows_done BIGINT NOT NULL, PRIMARY KEY (revision, name))",
                "INSERT INTO migrate_history_batches VALUES ('b2', 'people.id', '4000', 4000)",
                "INSERT INTO migrate_history (revision, direction, message, started_at, applied_by) "
                        + "VALUES ('b2', 'upgrade', 'revision b2', now(), 'deploy')");

        RunResult result = migrate(false).upgrade("heads");

        assertThat(result.rowsAfter()).containsExactly("b2");
        assertThat(batches).hasSize(7).endsWith(6500L);
        assertThat(db.queryForStrings("SELECT count(*) FROM people WHERE normalized = lower(email)")).containsExactly("10500");
        assertThat(db.queryForStrings("SELECT error FROM migrate_history WHERE revision = 'b2' AND NOT success"))
                .containsExactly("interrupted; resumed by a later run");
    }

    @Test
    void keysOfATypeWithoutAnAggregateWorkToo() throws SQLException {
        ScriptDirectory scripts = ScriptDirectory.of(List.of(
                TestRevision.of("k1", null, op -> {
                    op.createTable("tokens", column("id", dev.migrate.op.Ddl.uuid()).primaryKey(),
                            column("used", bigint()).notNull());
                    op.execute("INSERT INTO tokens SELECT gen_random_uuid(), 0 FROM generate_series(1, 2500)");
                }, op -> op.dropTable("tokens")),
                TestRevision.of("k2", "k1", op -> op.batchUpdate("tokens", "id", "used = used + 1", null, 1000),
                        op -> op.execute("UPDATE tokens SET used = 0")).nonTransactional()));
        Migrate.builder().dataSource(db.dataSource()).scripts(scripts).build().upgrade("heads");
        assertThat(db.queryForStrings("SELECT used || ':' || count(*) FROM tokens GROUP BY used")).containsExactly("1:2500");
    }

    @Test
    void aTransactionalRevisionCannotUseIt() {
        assertThatThrownBy(() -> migrate(true).upgrade("heads"))
                .hasMessageContaining("cannot upgrade on postgresql: its operation 1 of 1, BatchUpdate: a batched update "
                        + "commits each batch, so it cannot "
                        + "run inside the revision's one transaction; declare the revision non-transactional");
    }
}
