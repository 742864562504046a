package dev.migrate.autoconfigure.userapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.migrate.autoconfigure.CommandLineRun;
import dev.migrate.autoconfigure.MigrateCommandExit;
import dev.migrate.autoconfigure.userapp.first.TicketApplication;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.ObjectFilter;
import dev.migrate.autogenerate.RevisionCustomizer;
import dev.migrate.op.Operation;
import dev.migrate.revision.Revision;
import dev.migrate.script.GoogleJavaFormat;
import dev.migrate.script.SqlRevisionScript;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alembic's hooks around autogenerate, as beans and properties of the application: a {@link RevisionCustomizer}
 * changes or drops what is about to be written ({@code process_revision_directives}), and an {@link ObjectFilter} or
 * the exclusion properties keep objects out of the comparison ({@code include_object}).
 */
@ExtendWith(OutputCaptureExtension.class)
class RevisionHooksTests {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path revisions;

    final List<Integer> exits = new ArrayList<>();

    @BeforeEach
    void empty() throws Exception {
        db.reset();
    }

    @Configuration(proxyBeanMethods = false)
    static class Customized {

        @Bean
        RevisionCustomizer noSequencesAndAPrefix() {
            return directives -> {
                directives.changes().removeIf(change -> change.description().startsWith("add sequence"));
                directives.revision(directives.revision().withMessage("reviewed " + directives.revision().message()));
            };
        }

        @Bean
        ObjectFilter noTitles() {
            return (kind, table, name) -> !(kind == ObjectFilter.Kind.COLUMN && "title".equals(name));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Skipping {

        @Bean
        RevisionCustomizer skipEverything() {
            return directives -> directives.skip();
        }
    }

    void autogenerate(Class<?> extra, String... more) {
        SpringApplication app = new SpringApplication(TicketApplication.class, extra);
        app.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("testExit", (MigrateCommandExit) exits::add));
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--migrate.locations=filesystem:" + revisions, "--migrate.revisions.format=sql",
                "--migrate.revisions.directory=" + revisions, "--spring.profiles.active=autogenerate",
                "--migrate.autogenerate.message=tickets"));
        // An argument given twice would bind as a list ("sql,java"): the test's own replaces the default.
        for (String arg : more) {
            args.removeIf(given -> given.startsWith(arg.substring(0, arg.indexOf('=') + 1)));
            args.add(arg);
        }
        CommandLineRun.run(app, args.toArray(String[]::new)).close();
    }

    @Test
    void customizersAndFiltersShapeTheRevision() throws Exception {
        autogenerate(Customized.class);
        assertThat(exits).containsExactly(0);
        String file = only();
        assertThat(file).contains("-- message: reviewed tickets").contains("CREATE TABLE ticket (")
                .doesNotContain("CREATE SEQUENCE").doesNotContain("title");
    }

    @Test
    void theExclusionPropertiesLeaveColumnsOut() throws Exception {
        autogenerate(Object.class, "--migrate.autogenerate.exclude-columns=ticket.tit*");
        assertThat(only()).contains("CREATE TABLE ticket (").doesNotContain("title").contains("CREATE SEQUENCE");
    }

    @Test
    void aCustomizerCanDropTheRevision(CapturedOutput output) throws Exception {
        autogenerate(Skipping.class);
        assertThat(exits).containsExactly(0);
        assertThat(output.getOut()).contains("No revision written: a revision customizer dropped it.");
        try (Stream<Path> files = Files.list(revisions)) {
            assertThat(files).isEmpty();
        }
    }

    /** Pins the new revision's id and time, so two runs write the same file, and adds a view written by hand. */
    @Configuration(proxyBeanMethods = false)
    static class PinnedWithAView {

        static final String VIEW = "CREATE VIEW open_tickets AS SELECT id, title FROM ticket WHERE title IS NOT NULL "
                + "AND title <> '' ORDER BY id";

        @Bean
        RevisionCustomizer pinned() {
            return directives -> {
                Revision proposed = directives.revision();
                directives.revision(new Revision("0123456789ab", proposed.parents(), proposed.branchLabels(),
                        proposed.dependsOn(), proposed.message(), Instant.parse("2026-12-02T10:00:00Z"), null));
                directives.changes().add(new Change(Change.Phase.TABLE_COMMENT, "open tickets",
                        List.of(new Operation.Execute(VIEW, List.of(), null)),
                        List.of(new Operation.Execute("DROP VIEW open_tickets", List.of(), null)), null));
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithJavaCode {

        @Bean
        RevisionCustomizer javaCode() {
            return directives -> directives.changes().add(new Change(Change.Phase.TABLE_COMMENT, "fill tickets",
                    List.of(new Operation.JdbcWork("fill tickets", connection -> { })), List.of(), null));
        }
    }

    @Test
    void javaCodeThatAnSqlRevisionCannotHoldIsRefusedNotLeftOut(CapturedOutput output) throws Exception {
        autogenerate(WithJavaCode.class);
        assertThat(exits).containsExactly(1);
        assertThat(output.getErr()).contains("The revision holds Java code ('fill tickets'), which an SQL revision "
                + "cannot hold");
        try (Stream<Path> files = Files.list(revisions)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theSqlFormatterLaysOutTheStatementsWhenAskedTo() throws Exception {
        autogenerate(PinnedWithAView.class);
        String plain = only();
        clear();
        autogenerate(PinnedWithAView.class, "--migrate.revisions.sql-formatter=sql-formatter");
        assertThat(exits).containsExactly(0, 0);
        String formatted = only();
        assertThat(plain).contains(PinnedWithAView.VIEW);
        assertThat(formatted).doesNotContain(PinnedWithAView.VIEW).contains("SELECT\n    id,\n    title\nFROM")
                .startsWith(plain.substring(0, plain.indexOf("-- migrate:upgrade")));
        List<String> before = SqlRevisionScript.parse("r.sql", plain).upgrade().stream().map(Object::toString).toList();
        List<String> after = SqlRevisionScript.parse("r.sql", formatted).upgrade().stream().map(Object::toString)
                .toList();
        assertThat(after).hasSameSizeAs(before);
    }

    @Test
    void javaRevisionsAreWrittenInGoogleJavaFormatsLayoutWhenItIsOnTheClasspath() throws Exception {
        autogenerate(PinnedWithAView.class, "--migrate.revisions.format=java",
                "--migrate.revisions.java-formatter=none");
        String plain = Files.readString(javaFile());
        clear();
        autogenerate(PinnedWithAView.class, "--migrate.revisions.format=java");
        assertThat(exits).containsExactly(0, 0);
        Path file = javaFile();
        String formatted = Files.readString(file);
        assertThat(formatted).isNotEqualTo(plain).contains("@RevisionInfo(");
        Path again = Files.copy(file, revisions.resolveSibling(revisions.getFileName() + "-again.java"));
        new GoogleJavaFormat(GoogleJavaFormat.Style.AOSP, Duration.ofMinutes(2)).run(again);
        assertThat(Files.readString(again)).as("google-java-format's AOSP layout").isEqualTo(formatted);
    }

    private void clear() throws Exception {
        try (Stream<Path> files = Files.walk(revisions)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(path -> !path.equals(revisions))
                    .forEach(path -> path.toFile().delete());
        }
    }

    private Path javaFile() throws Exception {
        try (Stream<Path> files = Files.walk(revisions)) {
            return files.filter(path -> path.toString().endsWith(".java")).findFirst().orElseThrow();
        }
    }

    private String only() throws Exception {
        try (Stream<Path> files = Files.list(revisions)) {
            return Files.readString(files.findFirst().orElseThrow());
        }
    }
}
