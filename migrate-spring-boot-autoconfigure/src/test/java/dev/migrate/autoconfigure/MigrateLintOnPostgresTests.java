package dev.migrate.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrate.Migrate;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint at start-up against PostgreSQL, and the runner's lock timeouts from properties. */
@ExtendWith(OutputCaptureExtension.class)
class MigrateLintOnPostgresTests {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(),
                        "migrate.locations=classpath:dev/migrate/autoconfigure/lint");
    }

    @Test
    void startUpWarnsOfHazardsByDefaultAndFailsOnThemWhenToldTo(CapturedOutput output) throws Exception {
        db.reset();
        runner().withPropertyValues("migrate.target=11a000000001", "migrate.lint.on-start=fail")
                .run(context -> assertThat(context).hasNotFailed());
        db.execute("INSERT INTO accounts VALUES (1, 'a@example.com')");

        runner().withPropertyValues("migrate.lint.on-start=fail").run(context -> assertThat(context.getStartupFailure())
                .rootCause().isInstanceOf(MigrateStartupLint.LintHazardsException.class)
                .hasMessageStartingWith("Lint found hazards in the revisions the database is about to run "
                        + "(migrate.lint.on-start=fail); nothing was run.\n\nRevision 11a000000002 (dev/migrate/"
                        + "autoconfigure/lint/20250402_0900_11a000000002_require_email.sql:7): set-not-null"));
        assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("11a000000001");

        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrate.class).current()).containsExactly("11a000000002");
        });
        assertThat(output.getOut()).contains("Lint found hazards in the revisions the database is about to run:")
                .contains("set-not-null");
    }

    @Test
    void lockTimeoutsComeFromPropertiesAndZeroSwitchesThemOff() {
        runner().withPropertyValues("migrate.on-start=none", "migrate.lock-timeout=2s",
                "migrate.lock-timeout-retries=7", "migrate.statement-timeout=10m").run(context -> {
                    var timeouts = context.getBean(Migrate.class).settings().lockTimeouts();
                    assertThat(timeouts.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(timeouts.retries()).isEqualTo(7);
                    assertThat(timeouts.statementTimeout()).isEqualTo(Duration.ofMinutes(10));
                });
        runner().withPropertyValues("migrate.on-start=none", "migrate.lock-timeout=0").run(context -> assertThat(
                context.getBean(Migrate.class).settings().lockTimeouts().lockTimeout()).isNull());
        runner().withPropertyValues("migrate.on-start=none", "migrate.lock-timeout=-1s").run(context -> assertThat(
                context.getStartupFailure()).rootCause().isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("Property migrate.lock-timeout with value"));
    }
}
