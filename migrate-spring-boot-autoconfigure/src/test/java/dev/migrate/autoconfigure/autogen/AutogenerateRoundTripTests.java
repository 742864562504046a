package dev.migrate.autoconfigure.autogen;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.autogen.model.Customer;
import dev.migrate.autoconfigure.autogenerate.HibernateSchemaModel;
import dev.migrate.autoconfigure.autogenerate.MigrateAutogenerateAutoConfiguration;
import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.SchemaComparison;
import dev.migrate.revision.Revision;
import dev.migrate.script.JavaRevisionScript;
import dev.migrate.script.RevisionWriter;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From an empty database, autogenerate writes a Java revision for a rich entity model; the revision compiles and
 * applies, Hibernate's schema validation then passes, a second autogenerate finds nothing, and the downgrade leaves
 * only Migrate's own tables.
 */
class AutogenerateRoundTripTests {

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Customer.class)
    static class Model {
    }

    abstract static class Contract {

        @TempDir
        Path work;

        abstract TestDatabase db();

        ApplicationContextRunner runner() {
            return new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                            TransactionAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
                            MigrateAutoConfiguration.class, MigrateAutogenerateAutoConfiguration.class))
                    .withUserConfiguration(Model.class)
                    .withPropertyValues("spring.datasource.url=" + db().jdbcUrl(),
                            "spring.datasource.username=" + db().user(), "spring.datasource.password=" + db().password(),
                            "migrate.locations=filesystem:" + work.resolve("empty"));
        }

        @BeforeEach
        void empty() throws Exception {
            db().reset();
            Files.createDirectories(work.resolve("empty"));
        }

        @Test
        void theGeneratedRevisionBuildsTheSchemaHibernateValidates() throws Exception {
            AtomicReference<HibernateSchemaModel> model = new AtomicReference<>();
            AtomicReference<List<Change>> changes = new AtomicReference<>();
            AtomicReference<Path> file = new AtomicReference<>();
            runner().withPropertyValues("spring.jpa.hibernate.ddl-auto=none").run(context -> {
                assertThat(context).hasNotFailed();
                model.set(context.getBean(HibernateSchemaModel.class));
                Autogenerator autogenerator = new Autogenerator(context.getBean(Migrate.class), model.get(),
                        SchemaComparison.all());
                changes.set(autogenerator.compare());
                RevisionWriter writer = new RevisionWriter(new RevisionWriter.Settings(RevisionWriter.Format.JAVA,
                        work.resolve("src"), "db.revisions", RevisionWriter.DEFAULT_TEMPLATE), Clock.systemUTC());
                file.set(writer.write(new Revision("a0a0a0a0a0a0", List.of(), java.util.Set.of(), List.of(),
                        "initial schema", writer.now(), null), true, autogenerator.body(changes.get(),
                        RevisionWriter.Format.JAVA)));
            });
            assertThat(changes.get()).extracting(Change::description).contains("add table customers", "add table orders",
                    "add table order_lines", "add table order_products", "add table customer_tags",
                    "add table products", "add table digital_products", "add table payments",
                    "add sequence order_line_seq");
            String source = Files.readString(file.get());
            assertThat(source).contains("op.createTable(\"customers\"").contains("op.createSequence(\"order_line_seq\"")
                    .contains("onDelete(ForeignKey.Action.CASCADE)");

            Migrate withRevision = Migrate.builder().dataSource(db().dataSource())
                    .scripts(ScriptDirectory.of(List.of(JavaRevisionScript.of(compile(file.get()))))).build();
            withRevision.upgrade("heads");

            runner().withPropertyValues("spring.jpa.hibernate.ddl-auto=validate", "migrate.enabled=false")
                    .run(context -> assertThat(context).hasNotFailed());

            List<Change> again = new Autogenerator(withRevision, model.get(), SchemaComparison.all()).compare();
            assertThat(again).as(Autogenerator.describe(again)).isEmpty();

            withRevision.downgrade("base");
            assertThat(new Catalog(db()).tables()).containsExactlyInAnyOrder("migrate_version", "migrate_history");
        }

        private Class<?> compile(Path source) throws IOException, ClassNotFoundException {
            Path classes = Files.createDirectories(work.resolve("classes"));
            int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path"), source.toString());
            assertThat(status).as("the generated revision compiles:\n" + Files.readString(source)).isZero();
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
            String name = source.getFileName().toString().replace(".java", "");
            return loader.loadClass("db.revisions." + name);
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
