package dev.migrate.runtime;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrate.Migrate;
import dev.migrate.revision.Direction;
import dev.migrate.runtime.StateTables.HistoryRecord;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed's revisions (users, strategies, credits, full_name) run with every form of target the seed uses. Each
 * database and revision format runs the same contract; the assertions read the catalog, not only the version table.
 */
abstract class SeedRevisionsContract {

    static final String USERS = "a1b2c3d4e5f6";
    static final String STRATEGIES = "b2c3d4e5f6a1";
    static final String CREDITS = "c3d4e5f6a1b2";
    static final String FULL_NAME = "d4e5f6a1b2c3";

    abstract TestDatabase db();

    abstract String location();

    Catalog catalog() {
        return new Catalog(db());
    }

    Migrate migrate() {
        return Migrate.builder().dataSource(db().dataSource()).locations(location()).build();
    }

    @BeforeEach
    void startFromAnEmptyDatabase() throws SQLException {
        db().reset();
    }

    @Test
    void upgradeHeadsBuildsTheSeedSchema() throws SQLException {
        RunResult result = migrate().upgrade("heads");

        assertThat(result.plan().revisionIds()).containsExactly(USERS, STRATEGIES, CREDITS, FULL_NAME);
        assertThat(result.rowsAfter()).containsExactly(FULL_NAME);
        assertThat(migrate().current()).containsExactly(FULL_NAME);
        assertThat(catalog().tables()).containsExactlyInAnyOrder("users", "strategies", "credits", "migrate_version",
                "migrate_history");
        assertThat(catalog().columns("users")).containsOnlyKeys("id", "email", "hashed_password", "created_at",
                "full_name");
        assertThat(catalog().columns("users").get("email").nullable()).isFalse();
        assertThat(catalog().columns("users").get("full_name").size()).isEqualTo(100);
        assertThat(catalog().primaryKey("users")).containsExactly("id");
        assertThat(catalog().indexes("users")).containsEntry("idx_users_email", "unique(email)");
        assertThat(catalog().indexes("strategies")).containsEntry("idx_strategies_user_id", "(user_id)");
        assertThat(catalog().foreignKeys("strategies"))
                .containsExactly("fk_strategies_user_id: user_id -> users.id ON DELETE CASCADE");
        assertThat(catalog().columns("strategies").get("status").defaultValue()).contains("'DRAFT'");
        assertThat(catalog().checkConstraints()).contains("credits_balance_check");
    }

    @Test
    void theSeedDataAndTheDataMigrationRan() throws SQLException {
        migrate().upgrade("heads");
        assertThat(db().queryForStrings("SELECT full_name FROM users")).containsExactly("system");
        assertThat(db().queryForStrings("SELECT balance FROM credits")).containsExactly("100.00");
        assertThatThrownBy(() -> db().execute("UPDATE credits SET balance = -1"))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void upgradePlusTwoAppliesTheFirstTwo() throws SQLException {
        RunResult result = migrate().upgrade("+2");
        assertThat(result.plan().revisionIds()).containsExactly(USERS, STRATEGIES);
        assertThat(catalog().tables()).contains("users", "strategies").doesNotContain("credits");
        assertThat(migrate().upgrade("+1").plan().revisionIds()).containsExactly(CREDITS);
    }

    @Test
    void upgradeToAPrefixStopsThere() throws SQLException {
        migrate().upgrade("c3d4");
        assertThat(migrate().current()).containsExactly(CREDITS);
        assertThat(catalog().columns("users")).doesNotContainKey("full_name");
    }

    @Test
    void downgradeMinusOneUndoesTheNewestRevision() throws SQLException {
        migrate().upgrade("heads");
        RunResult result = migrate().downgrade("-1");
        assertThat(result.plan().revisionIds()).containsExactly(FULL_NAME);
        assertThat(migrate().current()).containsExactly(CREDITS);
        assertThat(catalog().columns("users")).doesNotContainKey("full_name");
    }

    @Test
    void downgradeToARevisionUndoesEverythingAfterIt() throws SQLException {
        migrate().upgrade("heads");
        migrate().downgrade(USERS);
        assertThat(migrate().current()).containsExactly(USERS);
        assertThat(catalog().tables()).containsExactlyInAnyOrder("users", "migrate_version", "migrate_history");
        assertThat(db().queryForStrings("SELECT email FROM users")).isEmpty();
    }

    @Test
    void downgradeBaseLeavesOnlyMigratesOwnTables() throws SQLException {
        migrate().upgrade("heads");
        RunResult result = migrate().downgrade("base");
        assertThat(result.plan().revisionIds()).containsExactly(FULL_NAME, CREDITS, STRATEGIES, USERS);
        assertThat(migrate().current()).isEmpty();
        assertThat(catalog().tables()).containsExactlyInAnyOrder("migrate_version", "migrate_history");
    }

    @Test
    void theHistoryTableRecordsEveryStep() {
        migrate().upgrade("heads");
        migrate().downgrade("-1");
        List<HistoryRecord> log = migrate().log();
        assertThat(log).extracting(HistoryRecord::revision).containsExactly(USERS, STRATEGIES, CREDITS, FULL_NAME,
                FULL_NAME);
        assertThat(log).extracting(HistoryRecord::direction).containsExactly("upgrade", "upgrade", "upgrade",
                "upgrade", "downgrade");
        assertThat(log).allSatisfy(record -> {
            assertThat(record.success()).isTrue();
            assertThat(record.checksum()).hasSize(8);
            assertThat(record.durationMillis()).isNotNull().isNotNegative();
            assertThat(record.appliedBy()).isNotBlank();
            assertThat(record.startedAt()).isNotNull();
        });
        assertThat(log.get(0).message()).isEqualTo("create users table");
    }

    @Test
    void aSecondRunFindsNothingToDo() {
        migrate().upgrade("heads");
        RunResult again = migrate().upgrade("heads");
        assertThat(again.plan().isEmpty()).isTrue();
        assertThat(again.rowsAfter()).containsExactly(FULL_NAME);
    }

    @Test
    void listenersHearEachStep() {
        List<String> heard = new java.util.ArrayList<>();
        Migrate migrate = Migrate.builder().dataSource(db().dataSource()).locations(location())
                .listener(new MigrationListener() {
                    @Override
                    public void stepStarted(StepEvent event) {
                        heard.add("start " + event.revisionId());
                    }

                    @Override
                    public void stepFinished(StepEvent event, java.time.Duration duration) {
                        heard.add("end " + event.revisionId() + " " + (event.direction() == Direction.UPGRADE));
                    }
                })
                .build();
        migrate.upgrade("+1");
        assertThat(heard).containsExactly("start " + USERS, "end " + USERS + " true");
    }
}
