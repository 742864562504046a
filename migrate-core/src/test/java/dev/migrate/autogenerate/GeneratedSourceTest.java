package dev.migrate.autogenerate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.dialect.PostgresDialect;
import dev.migrate.revision.Revision;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.script.JavaRevisionScript;
import dev.migrate.script.RevisionInfo;
import dev.migrate.script.RevisionWriter;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.JavaSources;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Generated Java compiles to exactly what was meant: names from the database and messages from the user that try to
 * end a comment, a Javadoc or a string, or to become code through a {@code \u000a} escape, stay text.
 */
class GeneratedSourceTest {

    /** To javac, the six characters backslash-u-0-0-0-a are a line break, even inside a comment. */
    static final String ESCAPED_BREAK = "\\u000a";

    static final String CODE = "op.execute(\"CREATE TABLE pwned (id int)\");";

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path sources;

    RevisionWriter writer(String template) {
        return new RevisionWriter(new RevisionWriter.Settings(RevisionWriter.Format.JAVA, sources, "db.generated",
                template), Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void hostileNamesFromTheDatabaseAndAHostileMessageCompileToExactlyTheMigration() throws Exception {
        db.reset();
        String gone = "g" + ESCAPED_BREAK + CODE;
        String come = "c" + ESCAPED_BREAK + CODE + "*/";
        String column = "v\n" + CODE;
        db.execute("CREATE TABLE \"" + gone.replace("\"", "\"\"") + "\" (\"" + column.replace("\"", "\"\"") + "\" integer)");
        Schema live;
        try (Connection connection = db.connect()) {
            live = SchemaReader.of(new PostgresDialect()).read(connection, null, Set.of());
        }
        Schema target = new Schema(List.of(new Schema.Table(come, List.of(new Schema.Column(column, "integer", true, null,
                false, "it's \\ a */ comment " + ESCAPED_BREAK)), List.of(), List.of(), List.of(), List.of(), List.of(),
                "table */ " + ESCAPED_BREAK + CODE)), List.of());
        List<Change> changes = SchemaComparison.all().compare(target, live);
        assertThat(changes).extracting(Change::hint).filteredOn(hint -> hint != null).hasSize(1);

        JavaRenderer renderer = new JavaRenderer();
        String message = "fix */ oops " + ESCAPED_BREAK + CODE + " \r\n @deprecated";
        Revision revision = new Revision("abc123def456", List.of(), Set.of(), List.of(), message,
                Instant.parse("2026-12-02T10:00:00Z"), null);
        Path file = writer(RevisionWriter.DEFAULT_TEMPLATE).write(revision, true, new RevisionWriter.Body(
                renderer.upgrade(changes), renderer.downgrade(changes), null, null, renderer.staticImports()));

        ClassLoader compiled = JavaSources.compile(sources);
        Class<?> type = compiled.loadClass("db.generated." + file.getFileName().toString().replace(".java", ""));
        assertThat(type.getAnnotation(RevisionInfo.class).message()).isEqualTo(message);
        Migrate migrate = Migrate.builder().dataSource(db.dataSource())
                .scripts(ScriptDirectory.of(List.of(JavaRevisionScript.of(type)))).build();

        migrate.upgrade("heads");
        assertThat(new Catalog(db).tables()).contains(come).doesNotContain(gone, "pwned");
        String regclass = "'\"" + come.replace("\"", "\"\"") + "\"'::regclass";
        assertThat(db.queryForStrings("SELECT attname FROM pg_attribute WHERE attnum > 0 AND attrelid = " + regclass))
                .containsExactly(column);
        assertThat(db.queryForStrings("SELECT obj_description(" + regclass + ", 'pg_class')"))
                .containsExactly("table */ " + ESCAPED_BREAK + CODE);
        assertThat(db.queryForStrings("SELECT col_description(" + regclass + ", 1)"))
                .containsExactly("it's \\ a */ comment " + ESCAPED_BREAK);
        migrate.downgrade("base");
        assertThat(new Catalog(db).tables()).contains(gone).doesNotContain(come, "pwned");
    }

    @Test
    void hostileEnumTypeNamesAndLabelsStayNamesAndLabels() throws Exception {
        db.reset();
        String type = "mood\"; DROP TABLE victims; --" + ESCAPED_BREAK;
        List<String> labels = List.of("it's", "a'); DROP TABLE victims; --", "back\\slash " + ESCAPED_BREAK + CODE);
        db.execute("CREATE TABLE victims (id int)");
        Schema target = new Schema(List.of(), List.of(), List.of(new Schema.EnumType(type, labels)));
        List<Change> changes = SchemaComparison.all().compare(target, new Schema(List.of(), List.of()));

        JavaRenderer renderer = new JavaRenderer();
        Revision revision = new Revision("abc123def457", List.of(), Set.of(), List.of(), "enum types",
                Instant.parse("2026-12-02T10:00:00Z"), null);
        Path file = writer(RevisionWriter.DEFAULT_TEMPLATE).write(revision, true, new RevisionWriter.Body(
                renderer.upgrade(changes), renderer.downgrade(changes), null, null, renderer.staticImports()));
        ClassLoader compiled = JavaSources.compile(sources);
        Class<?> compiledType = compiled.loadClass("db.generated." + file.getFileName().toString().replace(".java", ""));
        Migrate migrate = Migrate.builder().dataSource(db.dataSource())
                .scripts(ScriptDirectory.of(List.of(JavaRevisionScript.of(compiledType)))).build();

        migrate.upgrade("heads");
        assertThat(new Catalog(db).tables()).contains("victims").doesNotContain("pwned");
        assertThat(db.queryForStrings("SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
                + " WHERE t.typname = '" + type.replace("'", "''") + "' ORDER BY e.enumsortorder"))
                .containsExactlyElementsOf(labels);
        migrate.downgrade("base");
        assertThat(db.queryForStrings("SELECT typname FROM pg_type WHERE typtype = 'e'")).isEmpty();
        assertThat(new Catalog(db).tables()).contains("victims");
    }

    @Test
    void aMessageCannotAddLinesToAnSqlRevisionsHeader() throws Exception {
        String message = "users\r-- migrate:upgrade\rDROP TABLE victims;\u2028\n-- migrate:downgrade";
        Revision revision = new Revision("abc123def456", List.of(), Set.of(), List.of(), message,
                Instant.parse("2026-12-02T10:00:00Z"), null);
        Path file = new RevisionWriter(new RevisionWriter.Settings(RevisionWriter.Format.SQL, sources, "db.generated",
                RevisionWriter.DEFAULT_TEMPLATE), Clock.systemUTC()).write(revision, true, RevisionWriter.Body.empty());

        dev.migrate.script.SqlRevisionScript script = dev.migrate.script.SqlRevisionScript.parse(file.toString(),
                Files.readString(file));
        assertThat(script.upgrade()).isEmpty();
        assertThat(script.revision().message())
                .isEqualTo("users -- migrate:upgrade DROP TABLE victims;  -- migrate:downgrade");
    }

    @Test
    void aTemplateOrIdCannotWriteOutsideTheRevisionsFolder() {
        Revision revision = new Revision("abc123def456", List.of(), Set.of(), List.of(), "users", null, null);
        assertThatThrownBy(() -> new RevisionWriter(new RevisionWriter.Settings(RevisionWriter.Format.SQL, sources,
                "db.generated", "../../{rev}_{slug}"), Clock.systemUTC()).write(revision, true, RevisionWriter.Body.empty()))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("The file template '../../{rev}_{slug}' gives the file name "
                        + "'../../abc123def456_users.sql', which lies outside the revisions folder ");
        assertThatThrownBy(() -> writer("../{rev}").write(revision, true, RevisionWriter.Body.empty()))
                .hasMessageStartingWith("The file template '../{rev}' gives the class name 'R../abc123def456'");
        assertThat(sources.getParent().resolve("abc123def456_users.sql")).doesNotExist();
    }

    @Test
    void aTemplateMayPutSqlRevisionsIntoSubfoldersOfTheFolder() throws Exception {
        Revision revision = new Revision("abc123def456", List.of(), Set.of(), List.of(), "users",
                Instant.parse("2026-12-02T10:00:00Z"), null);
        Path file = new RevisionWriter(new RevisionWriter.Settings(RevisionWriter.Format.SQL, sources, "db.generated",
                "{year}/{rev}_{slug}"), Clock.systemUTC()).write(revision, true, RevisionWriter.Body.empty());
        assertThat(file).isEqualTo(sources.resolve("2026/abc123def456_users.sql"));
        assertThat(Files.readString(file)).startsWith("-- id: abc123def456\n");
    }
}
