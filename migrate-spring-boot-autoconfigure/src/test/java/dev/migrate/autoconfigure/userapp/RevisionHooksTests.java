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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.migrate.autoconfigure.MigrateCommandExit;
import dev.migrate.autoconfigure.userapp.first.TicketApplication;
import dev.migrate.autogenerate.ObjectFilter;
import dev.migrate.autogenerate.RevisionCustomizer;
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
        args.addAll(List.of(more));
        app.run(args.toArray(String[]::new)).close();
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

    private String only() throws Exception {
        try (Stream<Path> files = Files.list(revisions)) {
            return Files.readString(files.findFirst().orElseThrow());
        }
    }
}
