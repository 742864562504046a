package dev.migrate.runtime;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.dialect.PostgresDialect;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.Psql;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Offline scripts, fed to psql, produce the schema an online run produces. */
class OfflineScriptTest {

    static Migrate offline(String location) {
        return Migrate.builder().locations(location).dialect(new PostgresDialect()).build();
    }

    @Nested
    class JavaRevisions {

        @RegisterExtension
        static final TestDatabase online = TestDatabase.postgres();

        @RegisterExtension
        static final TestDatabase fromScript = TestDatabase.postgres();

        @Test
        void theScriptOfTheWholeHistoryBuildsTheSameSchemaAsRunningIt() throws Exception {
            Migrate.builder().dataSource(online.dataSource()).locations("classpath:dev/migrate/seed/java").build()
                    .upgrade("heads");
            String script = offline("classpath:dev/migrate/seed/java").upgradeSql("heads");

            Psql.run(fromScript, script);

            assertThat(new Catalog(fromScript).postgresSnapshot()).isEqualTo(new Catalog(online).postgresSnapshot());
            assertThat(fromScript.queryForStrings("SELECT version_num FROM migrate_version"))
                    .containsExactly("d4e5f6a1b2c3");
            assertThat(fromScript.queryForStrings("SELECT count(*) FROM migrate_history")).containsExactly("4");
        }

        @Test
        void javaCodeThatNeedsTheConnectionIsNamedNotDropped() {
            String script = offline("classpath:dev/migrate/seed/java").upgradeSql("heads");
            assertThat(script).contains("-- Java code 'fill full_name from the part of email before '@'' runs only "
                    + "online and is not part of this script.");
        }
    }

    @Nested
    class SqlRevisions {

        @RegisterExtension
        static final TestDatabase online = TestDatabase.postgres();

        @RegisterExtension
        static final TestDatabase fromScript = TestDatabase.postgres();

        @Test
        void upgradeThenDowngradeScriptsRoundTrip() throws Exception {
            Migrate.builder().dataSource(online.dataSource()).locations("classpath:seed/sql").build().upgrade("heads");
            Migrate offline = offline("classpath:seed/sql");

            Psql.run(fromScript, offline.upgradeSql("heads"));
            assertThat(new Catalog(fromScript).postgresSnapshot()).isEqualTo(new Catalog(online).postgresSnapshot());
            assertThat(fromScript.queryForStrings("SELECT full_name FROM users")).containsExactly("system");

            Psql.run(fromScript, offline.downgradeSql("heads:b2c3d4e5f6a1"));
            assertThat(new Catalog(fromScript).tables()).contains("users", "strategies").doesNotContain("credits");
            assertThat(fromScript.queryForStrings("SELECT version_num FROM migrate_version"))
                    .containsExactly("b2c3d4e5f6a1");
        }

        @Test
        void aRangeStartsFromItsFirstRevisionWithoutCreatingTables() {
            String script = offline("classpath:seed/sql").upgradeSql("b2c3d4e5f6a1:heads");
            assertThat(script).startsWith("-- Migrate offline script for postgresql: b2c3d4e5f6a1 -> d4e5f6a1b2c3")
                    .doesNotContain("CREATE TABLE IF NOT EXISTS migrate_version").doesNotContain("CREATE TABLE strategies")
                    .contains("CREATE TABLE credits").contains("UPDATE migrate_version SET version_num = "
                            + "'c3d4e5f6a1b2' WHERE version_num = 'b2c3d4e5f6a1'");
        }

        @Test
        void anOfflineDowngradeNeedsARange() {
            assertThatThrownBy(() -> offline("classpath:seed/sql").downgradeSql("-1"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith("An offline downgrade needs a range 'start:end'");
        }
    }
}
