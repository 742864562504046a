package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.autoconfigure.app.TestApplication;
import dev.migrate.autoconfigure.app.UserRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as the command line: with {@code migrate.command} it starts without a web server, runs the
 * command instead of the start-up upgrade, prints its output and exits with its status.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateCommandApplicationTests {

    final List<Integer> exits = new ArrayList<>();

    final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    final List<String> applicationRunners = new ArrayList<>();

    /** The beans the run made, in order (the context is closed once a command ran). */
    final List<String> created = new ArrayList<>();

    ConfigurableApplicationContext run(String command, String... more) {
        return run(TestApplication.class, command, more);
    }

    ConfigurableApplicationContext run(Class<?> applicationClass, String command, String... more) {
        SpringApplication application = new SpringApplication(applicationClass);
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("testExit", (MigrateCommandExit) exits::add);
            context.getBeanFactory().registerSingleton("businessRunner",
                    (ApplicationRunner) args -> applicationRunners.add("ran"));
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    created.add(beanName);

                    return bean;
                }
            });
        });
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--migrate.locations=classpath:dev/migrate/seed/java", "--spring.jpa.hibernate.ddl-auto=validate",
                "--migrate.command=" + command));
        args.addAll(List.of(more));
        return CommandLineRun.run(application, args.toArray(String[]::new));
    }

    @Test
    void aCommandStartsOnlyWhatItNeedsAndNoneOfTheApplicationsRunners() {
        run("upgrade heads");
        assertThat(exits).containsExactly(0);
        assertThat(applicationRunners).isEmpty();
        assertThat(created).contains("migrate", "dataSource").as("JPA was not started")
                .doesNotContain("entityManagerFactory", "userRepository");
    }

    @Test
    void repositoriesTheApplicationEnablesItselfAreNotMadeEither() {
        run(ExplicitRepositoriesApplication.class, "upgrade heads");
        assertThat(exits).containsExactly(0);
        assertThat(created).contains("migrate").doesNotContain("entityManagerFactory", "userRepository");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableJpaRepositories(basePackageClasses = UserRepository.class)
    @EntityScan(basePackageClasses = UserRepository.class)
    static class ExplicitRepositoriesApplication {
    }

    @Test
    void checkStartsJpaForTheEntityModel(CapturedOutput output) {
        run("upgrade heads");
        run("check");
        // The test application maps only users, so the comparison (of Hibernate's model) finds the seed's others.
        assertThat(exits).containsExactly(0, 1);
        assertThat(output.getErr()).contains("New upgrade operations detected").contains("  - remove table credits");
        assertThat(created).contains("entityManagerFactory");
        assertThat(applicationRunners).isEmpty();
    }

    @Test
    void aCommandAddressesTheInstanceItNames(CapturedOutput output) {
        String analytics = "--migrate.instances.analytics.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String locations = "--migrate.instances.analytics.locations=classpath:dev/migrate/autoconfigure/analytics";
        run("upgrade heads", analytics, locations, "--migrate.instance=analytics");
        assertThat(output.getOut()).contains("Running upgrade -> aa0000000001, create events\n"
                + "The database is at aa0000000001.").doesNotContain("create users table");
        run("current", analytics, locations);
        run("heads", analytics, locations, "--migrate.instance=nosuch");
        assertThat(exits).containsExactly(0, 0, 1);
        assertThat(output.getErr()).contains("FAILED: There is no Migrate instance named 'nosuch' (migrate.instance); "
                + "the instances are migrate, analytics.");
    }

    @Test
    void aCommandRunsInPlaceOfTheApplicationAndExitsWithItsStatus(CapturedOutput output) {
        ConfigurableApplicationContext context = run("upgrade +2");
        assertThat(exits).containsExactly(0);
        assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(context.isActive()).isFalse();
        assertThat(output.getOut()).contains("Running upgrade -> a1b2c3d4e5f6, create users table\n"
                + "Running upgrade a1b2c3d4e5f6 -> b2c3d4e5f6a1, create strategies table\n"
                + "The database is at b2c3d4e5f6a1.");
        // ddl-auto=validate would have failed on a half-migrated schema: command mode turns it off.
    }

    @Test
    void theStartupUpgradeDoesNotRunInCommandMode(CapturedOutput output) {
        run("current");
        assertThat(exits).containsExactly(0);
        run("history -i");
        assertThat(output.getOut()).contains("<base> -> a1b2c3d4e5f6, create users table");
        assertThat(output.getOut()).doesNotContain("(current)");
    }

    @Test
    void repairAcceptsAnEditedRevisionSoThatTheNextUpgradePasses(CapturedOutput output) throws SQLException {
        run("upgrade heads");
        // What an edit since the run looks like to Migrate: the recorded checksum is not the revision's.
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("UPDATE migrate_history SET checksum = '0badf00d' WHERE revision = 'b2c3d4e5f6a1'");
        }
        run("upgrade");
        assertThat(output.getErr()).contains("b2c3d4e5f6a1").contains("record the new checksum with the 'repair' command");
        run("repair");
        assertThat(output.getOut()).contains("Recorded the new checksum of 1 edited revision(s):\n  b2c3d4e5f6a1 (");
        run("upgrade");
        assertThat(exits).containsExactly(0, 1, 0, 0);
        assertThat(output.getOut()).contains("Nothing to do; the database is at d4e5f6a1b2c3.");
    }

    @Test
    void alembicsOtherCommandsRunThroughTheApplication(CapturedOutput output) throws SQLException {
        run("ensure_version");
        assertThat(output.getOut()).contains("Created the version table migrate_version and the history table "
                + "migrate_history.");
        run("current --check-heads");
        assertThat(output.getErr()).contains("FAILED: Target database is not up to date");
        run("upgrade heads --tag release-7 -x tenant=acme");
        run("current -c");
        run("current --verbose");
        assertThat(output.getOut()).contains("Current revision(s) for jdbc:h2:mem:").contains("Rev: d4e5f6a1b2c3 (head)");
        run("heads --resolve-dependencies");
        run("edit a1b2c3d4e5f6");
        assertThat(output.getOut()).contains("src/main/java/dev/migrate/seed/java/"
                + "R20250129_1234_a1b2c3d4e5f6_create_users.java");
        assertThat(exits).containsExactly(0, 1, 0, 0, 0, 0, 0);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT DISTINCT tag FROM migrate_history")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("release-7");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void aFailingCommandExitsWithOneAndPrintsTheErrorToStandardError(CapturedOutput output) {
        run("downgrade nosuch");
        assertThat(exits).containsExactly(1);
        assertThat(output.getErr()).contains("FAILED: Can't locate revision identified by 'nosuch': no revision id, unique id prefix or branch label is 'nosuch'.");
    }

    @Test
    void aMalformedCommandExitsWithTwoAndPrintsUsage(CapturedOutput output) {
        run("downgrade");
        assertThat(exits).containsExactly(2);
        assertThat(output.getErr()).contains("error: 'downgrade' needs a target").contains("usage:");
    }

    @Test
    void anUnclosedQuoteIsAUsageErrorNotAFailedStart(CapturedOutput output) {
        run("revision -m 'no end");
        assertThat(exits).containsExactly(2);
        assertThat(output.getErr()).contains("error: unclosed quote in: revision -m 'no end");
    }
}
