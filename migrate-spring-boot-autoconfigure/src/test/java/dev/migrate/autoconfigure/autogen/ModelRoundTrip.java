package dev.migrate.autoconfigure.autogen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.autogenerate.HibernateSchemaModel;
import dev.migrate.autoconfigure.autogenerate.MigrateAutogenerateAutoConfiguration;
import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.SchemaComparison;
import dev.migrate.dialect.Dialect;
import dev.migrate.revision.Revision;
import dev.migrate.schema.CheckConditions;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.script.JavaRevisionScript;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.RevisionWriter;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.JavaSources;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autogenerate's round trip for one entity model on one database, step by step: generate from what the database
 * holds, compile, apply, validate with Hibernate, generate again (nothing), and compare with the schema Hibernate's
 * own {@code create} builds.
 */
final class ModelRoundTrip {

    /** The package of the entity model now (the model-edit tests move it from one package to the next). */
    private String entityPackage;

    private final TestDatabase db;

    TestDatabase db() {
        return db;
    }

    private final Path work;

    private final List<RevisionScript> revisions = new ArrayList<>();

    private int generated;

    ModelRoundTrip(String entityPackage, TestDatabase db, Path work) {
        this.entityPackage = entityPackage;
        this.db = db;
        this.work = work;
    }

    /** From now on, the entity model is the one in this package. */
    void modelIn(String newPackage) {
        this.entityPackage = newPackage;
    }

    ApplicationContextRunner runner(TestDatabase database) {
        String scanned = entityPackage;
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        TransactionAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
                        MigrateAutoConfiguration.class, MigrateAutogenerateAutoConfiguration.class))
                .withInitializer(context -> AutoConfigurationPackages.register(
                        (BeanDefinitionRegistry) context.getBeanFactory(), scanned))
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.user(),
                        "spring.datasource.password=" + database.password(),
                        "migrate.locations=filesystem:" + empty());
    }

    private Path empty() {
        try {
            return Files.createDirectories(work.resolve("empty"));
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** The migrate instance over the revisions generated so far. */
    Migrate migrate() {
        return Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(revisions)).build();
    }

    /**
     * What autogenerate finds between the model and the database, which holds the revisions generated so far, with
     * the application's further properties.
     */
    List<Change> compare(TestDatabase database, Migrate migrate, String... properties) {
        AtomicReference<List<Change>> changes = new AtomicReference<>();
        // The context's own Migrate bean only captures the model; the revisions are run by this test.
        runner(database).withPropertyValues("spring.jpa.hibernate.ddl-auto=none").withPropertyValues(properties)
                .withBean(dev.migrate.autoconfigure.MigrateStrategy.class, () -> ignored -> { })
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    changes.set(new Autogenerator(migrate, context.getBean(HibernateSchemaModel.class),
                            SchemaComparison.all()).compare());
                });
        return changes.get();
    }

    /** Generates the next revision from the differences, compiles it and applies it; returns the differences. */
    List<Change> generateAndApply() throws Exception {
        Migrate before = migrate();
        List<Change> changes = compare(db, before);
        if (changes.isEmpty()) {
            return changes;
        }
        String id = String.format("c0ffee%06d", ++generated);
        Path sources = work.resolve("src" + generated);
        RevisionWriter writer = new RevisionWriter(new RevisionWriter.Settings(RevisionWriter.Format.JAVA, sources,
                "db.generated", RevisionWriter.DEFAULT_TEMPLATE), Clock.systemUTC());
        List<String> parents = before.graph().heads().stream().map(Revision::id).toList();
        Path file = writer.write(new Revision(id, parents, Set.of(), List.of(), "step " + generated, writer.now(), null),
                true, new Autogenerator(before, (live, dialect) -> null, SchemaComparison.all()).body(changes,
                        RevisionWriter.Format.JAVA));
        ClassLoader compiled = JavaSources.compile(sources);
        revisions.add(JavaRevisionScript.of(compiled.loadClass("db.generated."
                + file.getFileName().toString().replace(".java", ""))));
        migrate().upgrade("heads");
        return changes;
    }

    /** Hibernate's schema validation passes on the database. */
    void hibernateValidates() {
        runner(db).withPropertyValues("spring.jpa.hibernate.ddl-auto=validate", "migrate.enabled=false")
                .run(context -> assertThat(context).hasNotFailed());
    }

    /** Builds the model's schema in {@code other} with Hibernate's own {@code create}. */
    void hibernateCreates(TestDatabase other) {
        runner(other).withPropertyValues("spring.jpa.hibernate.ddl-auto=create", "migrate.enabled=false")
                .run(context -> assertThat(context).hasNotFailed());
    }

    /**
     * A database's schema as a comparable text: tables, columns with normalised types, keys, constraints with the
     * names the database made up left out, indexes, sequences and enum types, each list in one order (columns by
     * name).
     */
    static String dump(TestDatabase database) throws Exception {
        Schema schema;
        try (Connection connection = database.connect()) {
            Dialect dialect = Dialect.of(connection);
            schema = CheckConditions.settle(connection, dialect, null, SchemaReader.of(dialect).read(connection, null,
                    Set.of("migrate_version", "migrate_history", "migrate_history_batches")));
        }
        StringBuilder text = new StringBuilder();
        for (Schema.Table table : schema.tables()) {
            text.append("table ").append(table.name()).append(" comment ").append(table.comment()).append('\n');
            // By name: a column dropped and added again by a downgrade comes back last, and no database moves it.
            lines(text, table.columns().stream().map(Object::toString).toList());
            text.append("  primary key ").append(table.primaryKey()).append('\n');
            lines(text, table.foreignKeys().stream().map(fk -> "fk " + name(fk.name()) + " " + fk.columns() + " -> "
                    + fk.referencedTable() + fk.referencedColumns() + " " + fk.onDelete()).toList());
            lines(text, table.uniques().stream().map(u -> "unique " + name(u.name()) + " " + u.columns()).toList());
            lines(text, table.checks().stream().map(c -> "check " + name(c.name()) + " " + c.condition()).toList());
            lines(text, table.indexes().stream().map(i -> "index " + name(i.name()) + " " + i.columns() + " "
                    + i.descending() + " " + i.unique()).toList());
        }
        schema.sequences().stream().sorted(Comparator.comparing(Schema.Sequence::name))
                .forEach(sequence -> text.append(sequence).append('\n'));
        schema.enumTypes().stream().sorted(Comparator.comparing(Schema.EnumType::name))
                .forEach(type -> text.append(type).append('\n'));
        return text.toString();
    }

    private static String name(String name) {
        return SchemaComparison.isGenerated(name) ? "(generated)" : name;
    }

    private static void lines(StringBuilder text, List<String> lines) {
        lines.stream().sorted().forEach(line -> text.append("  ").append(line).append('\n'));
    }
}
