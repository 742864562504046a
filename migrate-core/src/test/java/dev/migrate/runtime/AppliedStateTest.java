package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.dialect.Dialect;
import dev.migrate.runtime.StateTables.AppliedState;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * What validation reads from the history table: the checksum each revision was last applied or repaired with (the
 * latest wins; failures, downgrades and stamps do not count) and the steps that never finished, on each database.
 */
class AppliedStateTest {

    abstract static class Contract {

        abstract TestDatabase db();

        private StateTables tables;

        @BeforeEach
        void freshTables() throws SQLException {
            db().reset();
            try (Connection connection = db().connect()) {
                tables = new StateTables(Dialect.of(connection), null, "migrate_version", "migrate_history");
                tables.create(connection);
            }
        }

        private void history(String revision, String direction, String checksum, String success) throws SQLException {
            db().execute("INSERT INTO migrate_history (revision, direction, checksum, started_at, success) VALUES ('"
                    + revision + "', '" + direction + "', " + (checksum == null ? "NULL" : "'" + checksum + "'")
                    + ", CURRENT_TIMESTAMP, " + success + ")");
        }

        private AppliedState read() throws SQLException {
            try (Connection connection = db().connect()) {
                return tables.readAppliedState(connection);
            }
        }

        @Test
        void anEmptyHistoryHoldsNothing() throws SQLException {
            AppliedState state = read();
            assertThat(state.checksums()).isEmpty();
            assertThat(state.unfinished()).isEmpty();
        }

        @Test
        void theLastSuccessfulUpgradeOfEachRevisionCounts() throws SQLException {
            history("r1", "upgrade", "0000000a", "TRUE");
            history("r2", "upgrade", "0000000b", "TRUE");
            history("r2", "downgrade", "0000000b", "TRUE");
            history("r2", "upgrade", "0000000c", "TRUE");
            history("r2", "upgrade", "0000000d", "FALSE");
            history("r3", "upgrade", "0000000e", "FALSE");
            history("r1,r2", "stamp", null, "TRUE");
            history("r4", "upgrade", null, "TRUE");

            Map<String, String> expected = new HashMap<>();
            expected.put("r1", "0000000a");
            expected.put("r2", "0000000c");
            expected.put("r4", null);
            AppliedState state = read();
            assertThat(state.checksums()).isEqualTo(expected);
            assertThat(state.unfinished()).isEmpty();
        }

        @Test
        void aRepairRecordsTheChecksumUntilTheNextUpgrade() throws SQLException {
            history("r1", "upgrade", "0000000a", "TRUE");
            history("r1", "repair", "0000000f", "TRUE");
            history("r2", "upgrade", "0000000b", "TRUE");
            history("r2", "repair", "0000000e", "TRUE");
            history("r2", "downgrade", "0000000e", "TRUE");
            history("r2", "upgrade", "0000000c", "TRUE");

            assertThat(read().checksums()).containsOnly(entry("r1", "0000000f"), entry("r2", "0000000c"));
        }

        @Test
        void aStepThatNeverFinishedIsReportedWithItsRow() throws SQLException {
            history("r1", "upgrade", "0000000a", "TRUE");
            history("r2", "upgrade", "0000000b", "NULL");

            AppliedState state = read();
            assertThat(state.checksums()).containsOnlyKeys("r1");
            assertThat(state.unfinished()).singleElement().satisfies(record -> {
                assertThat(record.revision()).isEqualTo("r2");
                assertThat(record.checksum()).isEqualTo("0000000b");
                assertThat(record.success()).isNull();
            });
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
