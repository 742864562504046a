package dev.migrate.autoconfigure.userapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.autoconfigure.CommandLineRun;
import dev.migrate.autoconfigure.MigrateCommandExit;
import dev.migrate.autoconfigure.autogenerate.MigrateCheck;
import dev.migrate.autoconfigure.userapp.first.TicketApplication;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's own application taken through autogenerate, dependencies between branches, a changed sequence allocation
 * and downgrades, the way a new user does it from the README: what broke outside the demo.
 */
@ExtendWith(OutputCaptureExtension.class)
class UserApplicationTests {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path revisions;

    final List<Integer> exits = new ArrayList<>();

    @BeforeEach
    void empty() throws Exception {
        db.reset();
    }

    /** Runs the application as the command line, as {@code java -jar app.jar --migrate.command=...} does. */
    void run(Class<?> application, String... arguments) {
        SpringApplication app = new SpringApplication(application);
        app.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("testExit", (MigrateCommandExit) exits::add));
        CommandLineRun.run(app, arguments(arguments)).close();
    }

    String[] arguments(String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--migrate.locations=filesystem:" + revisions, "--migrate.revisions.format=sql",
                "--migrate.revisions.directory=" + revisions, "--spring.main.web-application-type=none"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aHeadAppliedOnlyThroughADependencyDoesNotBlockCheckAndExclusionsCoverSequences(CapturedOutput output)
            throws Exception {
        run(TicketApplication.class, "--spring.profiles.active=autogenerate", "--migrate.autogenerate.message=tickets");
        String generated = only("_tickets.sql");
        String head = generated.substring(generated.indexOf("-- id: ") + 7, generated.indexOf('\n'));
        // A reports branch of its own, with a table and a sequence hand-written for it, that the next revision needs.
        Files.writeString(revisions.resolve("dd01_reports.sql"), "-- id: dd01\n-- branch-labels: reports\n"
                + "-- migrate:upgrade\nCREATE TABLE report_runs (id bigint PRIMARY KEY);\nCREATE SEQUENCE report_seq;\n"
                + "-- migrate:downgrade\nDROP SEQUENCE report_seq;\nDROP TABLE report_runs;\n");
        Files.writeString(revisions.resolve("aa03_after_reports.sql"), "-- id: aa03\n-- parents: " + head + "\n"
                + "-- depends-on: reports\n-- migrate:upgrade\n-- migrate:downgrade\n");
        run(TicketApplication.class, "--migrate.command=upgrade heads");
        assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("aa03");

        run(TicketApplication.class, "--migrate.command=check", "--migrate.autogenerate.exclude-tables=report_*");
        assertThat(exits).containsExactly(0, 0, 0);
        assertThat(output.getOut()).contains("No new upgrade operations detected.");
        try (ConfigurableApplicationContext context = new SpringApplication(TicketApplication.class)
                .run(arguments("--migrate.autogenerate.exclude-tables=report_*"))) {
            MigrateCheck.assertEntitiesMatchRevisions(context);
        }
    }

    @Test
    void aChangedAllocationSizeIsGeneratedAndCommandsRunWhileTheDatabaseIsBehind(CapturedOutput output)
            throws Exception {
        run(TicketApplication.class, "--spring.profiles.active=autogenerate", "--migrate.autogenerate.message=tickets");
        run(TicketApplication.class, "--migrate.command=upgrade");
        Class<?> resized = dev.migrate.autoconfigure.userapp.second.TicketApplication.class;

        run(resized, "--spring.profiles.active=autogenerate", "--migrate.autogenerate.message=allocate twenty");
        assertThat(only("_allocate_twenty.sql")).contains("ALTER SEQUENCE ticket_seq INCREMENT BY 20;")
                .contains("ALTER SEQUENCE ticket_seq INCREMENT BY 50;");
        run(resized, "--migrate.command=upgrade");
        run(resized, "--migrate.command=downgrade -1");
        run(resized, "--migrate.command=current");
        run(resized, "--migrate.command=check");
        assertThat(exits).containsExactly(0, 0, 0, 0, 0, 0, 1);
        assertThat(output.getErr()).contains("The database is not up to date").doesNotContain("increment size");
        assertThat(db.queryForStrings("SELECT increment_by FROM pg_sequences WHERE sequencename = 'ticket_seq'"))
                .containsExactly("50");
    }

    private String only(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(revisions)) {
            return Files.readString(files.filter(p -> p.toString().endsWith(suffix)).findFirst().orElseThrow());
        }
    }
}
