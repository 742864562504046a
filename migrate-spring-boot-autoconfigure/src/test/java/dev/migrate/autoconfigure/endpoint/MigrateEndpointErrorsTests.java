package dev.migrate.autoconfigure.endpoint;

import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrate.Migrate;
import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A failed step's error can quote row values; the endpoint shows only its SQLState unless
 * {@code management.endpoint.migrate.show-errors} says otherwise, while the history table keeps the whole message.
 */
class MigrateEndpointErrorsTests {

    static final String EMAIL = "someone@example.com";

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    static Migrate migrate;

    @BeforeAll
    static void aStepFailedOnARowValue() {
        migrate = Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(
                TestRevision.of("e1", null, op -> {
                    op.createTable("people", column("email", string(100)).unique());
                    op.execute("INSERT INTO people VALUES ('" + EMAIL + "')");
                }, op -> op.dropTable("people")),
                TestRevision.of("e2", "e1", op -> op.execute("INSERT INTO people VALUES ('" + EMAIL + "')"),
                        op -> { })))).build();
        assertThatThrownBy(() -> migrate.upgrade("heads")).isInstanceOf(MigrationFailedException.class);
        assertThat(migrate.log().get(1).error()).contains("[SQLState 23505]").contains(EMAIL);
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrateEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=migrate")
            .withBean(Migrate.class, () -> migrate);

    @Test
    void byDefaultTheEndpointShowsTheSqlStateOnly() {
        runner.run(context -> assertThat(error(context.getBean(MigrateEndpoint.class)))
                .isEqualTo("[SQLState 23505] (the message is not shown: it can hold row values; it is in the history "
                        + "table and the log, and management.endpoint.migrate.show-errors shows it here)"));
    }

    @Test
    void showErrorsAlwaysShowsTheWholeMessage() {
        runner.withPropertyValues("management.endpoint.migrate.show-errors=always")
                .run(context -> assertThat(error(context.getBean(MigrateEndpoint.class))).contains(EMAIL));
    }

    @Test
    void showErrorsWhenAuthorizedNeedsAnAuthorizedUser() {
        runner.withPropertyValues("management.endpoint.migrate.show-errors=when-authorized")
                .run(context -> assertThat(error(context.getBean(MigrateEndpoint.class))).doesNotContain(EMAIL));
    }

    private static String error(MigrateEndpoint endpoint) {
        return endpoint.migrateBeans(SecurityContext.NONE).contexts().values().iterator().next().migrateBeans()
                .get("migrate").history().stream().map(MigrateEndpoint.HistoryDescriptor::error)
                .filter(Objects::nonNull).findFirst().orElseThrow();
    }
}
