package dev.migrate.autoconfigure.autogen;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrate.autoconfigure.CommandLineRun;
import dev.migrate.autoconfigure.MigrateCommandExit;
import dev.migrate.autoconfigure.autogen.model.ShopApplication;
import dev.migrate.autoconfigure.autogenerate.MigrateCheck;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ways a user runs autogenerate: the {@code autogenerate} profile, and the {@code check} command. Revisions are
 * written as SQL into a folder the application reads them from, so each run sees the previous one's file.
 */
@ExtendWith(OutputCaptureExtension.class)
class AutogenerateCommandTests {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path revisions;

    @TempDir
    Path classes;

    final List<Integer> exits = new ArrayList<>();

    /** The application's class loader, when a test gives it resources of its own. */
    ClassLoader classLoader;

    void run(String... arguments) {
        SpringApplication application = new SpringApplication(ShopApplication.class);
        if (classLoader != null) {
            application.setResourceLoader(new DefaultResourceLoader(classLoader));
        }
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("testExit", (MigrateCommandExit) exits::add));
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--migrate.locations=filesystem:" + revisions, "--migrate.revisions.format=sql",
                "--migrate.revisions.directory=" + revisions));
        args.addAll(List.of(arguments));
        CommandLineRun.run(application, args.toArray(String[]::new)).close();
    }

    @Test
    void hibernatesImportScriptsAreNotPartOfTheModel(CapturedOutput output) throws Exception {
        db.reset();
        // Data the application loads after Hibernate creates its schema: not DDL, and not run by autogenerate.
        run("--migrate.command=check", "--spring.jpa.properties.hibernate.hbm2ddl.import_files=autogen/seed-data.sql",
                "--spring.jpa.properties.jakarta.persistence.sql-load-script-source=autogen/seed-data.sql");
        assertThat(exits).containsExactly(1);
        assertThat(output.getErr()).contains("  - add table customers").doesNotContain("no_such_table");

        // Hibernate's default import file, /import.sql, found on the application's class path.
        Files.writeString(classes.resolve("import.sql"), "INSERT INTO no_such_table VALUES (1);\n");
        try (URLClassLoader withImportSql = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            classLoader = withImportSql;
            run("--migrate.command=check");
        }
        assertThat(exits).containsExactly(1, 1);
        assertThat(output.getErr()).doesNotContain("no_such_table");
    }

    @Test
    void theProfileWritesTheNextRevisionAndCheckAgreesOnceItIsApplied(CapturedOutput output) throws Exception {
        db.reset();
        run("--migrate.command=check");
        assertThat(exits).containsExactly(1);
        assertThat(output.getErr()).contains("New upgrade operations detected: the entity model and the revisions "
                + "disagree.").contains("  - add table customers");

        run("--spring.profiles.active=autogenerate", "--migrate.autogenerate.message=initial schema");
        assertThat(exits).containsExactly(1, 0);
        assertThat(output.getOut()).contains("Detected add table customers").contains("Generating " + revisions);
        Path file;
        try (Stream<Path> files = Files.list(revisions)) {
            file = files.filter(p -> p.toString().endsWith("_initial_schema.sql")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(file)).contains("-- message: initial schema").contains("-- migrate:upgrade\nCREATE "
                + "SEQUENCE order_line_seq START WITH 1 INCREMENT BY 20;").contains("DROP TABLE customers;");

        run("--spring.profiles.active=autogenerate", "--migrate.autogenerate.message=nothing new");
        assertThat(exits).containsExactly(1, 0, 0);
        assertThat(output.getOut()).contains("No changes in schema detected; no revision written.");
        assertThat(new Catalog(db).tables()).contains("customers", "orders", "order_lines");

        run("--migrate.command=check");
        assertThat(exits).containsExactly(1, 0, 0, 0);
        assertThat(output.getOut()).contains("No new upgrade operations detected.");

        try (ConfigurableApplicationContext context = start()) {
            MigrateCheck.assertEntitiesMatchRevisions(context);
        }
    }

    @Test
    void theTestHelperFailsWhenEntitiesAndRevisionsDisagree() throws Exception {
        db.reset();
        try (ConfigurableApplicationContext context = start()) {
            assertThatThrownBy(() -> MigrateCheck.assertEntitiesMatchRevisions(context))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("New upgrade operations detected: the entity model and the revisions "
                            + "disagree.\n  - add sequence order_line_seq")
                    .hasMessageEndingWith("Run 'revision --autogenerate -m <message>' to write them.");
        }
    }

    ConfigurableApplicationContext start() {
        return new SpringApplication(ShopApplication.class).run("--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--migrate.locations=filesystem:" + revisions, "--spring.main.web-application-type=none");
    }

    @Test
    void theProfileWithoutAMessageFailsTheStartNamingTheProperty() throws Exception {
        db.reset();
        assertThatThrownBy(() -> run("--spring.profiles.active=autogenerate"))
                .rootCause().hasMessageContaining("Property migrate.autogenerate.message with value 'null' is invalid");
        assertThat(exits).isEmpty();
    }
}
