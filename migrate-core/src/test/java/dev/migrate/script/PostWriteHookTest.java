package dev.migrate.script;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.JavaRenderer;
import dev.migrate.autogenerate.SchemaComparison;
import dev.migrate.op.Operation;
import dev.migrate.revision.Revision;
import dev.migrate.schema.Schema;
import dev.migrate.testing.JavaSources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * New revision files pass through the formatters asked for: google-java-format in a JVM of its own for Java,
 * sql-formatter for SQL, which may change a file's layout and nothing else.
 */
class PostWriteHookTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    static final Revision REVISION = new Revision("abc123def456", List.of(), Set.of(), List.of(),
            "create the orders table", CLOCK.instant(), null);

    static final GoogleJavaFormat AOSP = new GoogleJavaFormat(GoogleJavaFormat.Style.AOSP, Duration.ofMinutes(2));

    @TempDir
    Path root;

    @Test
    void aGeneratedJavaRevisionIsWrittenInGoogleJavaFormatsLayoutAndStillCompiles() throws Exception {
        assertThat(GoogleJavaFormat.isAvailable(getClass().getClassLoader())).isTrue();
        Path plain = javaWriter(root.resolve("plain"), List.of()).write(REVISION, true, ordersTable());
        Path formatted = javaWriter(root.resolve("formatted"), List.of(AOSP)).write(REVISION, true, ordersTable());

        String text = Files.readString(formatted);
        assertThat(text).isNotEqualTo(Files.readString(plain));
        Path again = Files.copy(formatted, root.resolve("again.java"));
        AOSP.run(again);
        assertThat(Files.readString(again)).as("formatting the file again changes nothing").isEqualTo(text);

        Class<?> type = JavaSources.compile(root.resolve("formatted"))
                .loadClass("db.revisions." + formatted.getFileName().toString().replace(".java", ""));
        assertThat(type.getAnnotation(RevisionInfo.class).id()).isEqualTo("abc123def456");
        assertThat(JavaRevisionScript.of(type).upgrade()).hasSize(1);
    }

    @Test
    void theGoogleStyleIndentsByTwo() throws Exception {
        Path file = javaWriter(root, List.of(new GoogleJavaFormat(GoogleJavaFormat.Style.GOOGLE,
                Duration.ofMinutes(2)))).write(REVISION, true, ordersTable());
        assertThat(Files.readAllLines(file)).anyMatch(line -> line.startsWith("  ") && !line.startsWith("   "))
                .noneMatch(line -> line.startsWith("    ") && !line.startsWith("     ") && line.contains("void "));
    }

    @Test
    void whenTheFormatterFailsTheFileStaysAsWrittenAndTheErrorSaysSo() throws Exception {
        Path file = root.resolve("Broken.java");
        Files.writeString(file, "class Broken { void f( }\n");
        assertThatThrownBy(() -> AOSP.run(file)).isInstanceOf(MigrateException.class)
                .hasMessageContaining("Wrote " + file)
                .hasMessageContaining("google-java-format could not format it")
                .hasMessageContaining("Broken.java:1:")
                .hasMessageContaining("migrate.revisions.java-formatter=none");
        assertThat(Files.readString(file)).isEqualTo("class Broken { void f( }\n");
    }

    @Test
    void anSqlRevisionsStatementsAreLaidOutAndItsHeaderKept() throws Exception {
        String upgrade = "create table orders (id bigint primary key, note text not null default 'a  ;  b');\n"
                + "insert into orders (id) select id from legacy_orders where id > 10;\n";
        RevisionWriter.Body body = new RevisionWriter.Body(null, null, upgrade, "drop table orders;\n", List.of());
        Path plain = sqlWriter(root.resolve("plain"), List.of()).write(REVISION, true, body);
        Path formatted = sqlWriter(root.resolve("formatted"), List.of(new SqlFormat())).write(REVISION, true, body);

        String text = Files.readString(formatted);
        assertThat(text).isNotEqualTo(Files.readString(plain)).contains("select\n    id\nfrom\n    legacy_orders");
        String header = Files.readString(plain).substring(0, Files.readString(plain).indexOf("-- migrate:upgrade"));
        assertThat(text).startsWith(header + "-- migrate:upgrade\n");

        SqlRevisionScript before = SqlRevisionScript.parse("r.sql", Files.readString(plain));
        SqlRevisionScript after = SqlRevisionScript.parse("r.sql", text);
        assertThat(after.revision()).isEqualTo(before.revision());
        assertThat(after.upgrade()).hasSize(2);
        assertThat(((Operation.Execute) after.upgrade().get(0)).sql()).contains("default 'a  ;  b'");
        assertThat(after.downgrade()).hasSize(1);
    }

    @Test
    void aSectionTheFormatterWouldChangeInMeaningStaysAsWritten() throws Exception {
        // sql-formatter 2.0.5 writes #>> as "# >>" and E'x\'y' as "E 'x\'y'": another operator, another literal.
        String upgrade = "select doc #>> '{a,b}' from orders;\nselect E'it\\'s';\n";
        RevisionWriter.Body body = new RevisionWriter.Body(null, null, upgrade, "select 1;\n", List.of());
        Path plain = sqlWriter(root.resolve("plain"), List.of()).write(REVISION, true, body);
        Path formatted = sqlWriter(root.resolve("formatted"), List.of(new SqlFormat())).write(REVISION, true, body);

        String text = Files.readString(formatted);
        assertThat(text).contains(upgrade);
        assertThat(SqlRevisionScript.parse("r.sql", text).upgrade())
                .isEqualTo(SqlRevisionScript.parse("r.sql", Files.readString(plain)).upgrade());
    }

    @Test
    void layoutIsWhatTheComparisonLeavesOut() {
        assertThat(SqlSplitter.withoutLayout("select  a,\n  b -- note\nfrom t;"))
                .isEqualTo(SqlSplitter.withoutLayout("SELECT a, b FROM t;".toLowerCase()));
        assertThat(SqlSplitter.withoutLayout("select 'a  b'")).isNotEqualTo(SqlSplitter.withoutLayout("select 'a b'"));
        assertThat(SqlSplitter.withoutLayout("select x #>> y")).isNotEqualTo(SqlSplitter.withoutLayout("select x # >> y"));
        assertThat(SqlSplitter.withoutLayout("select a b")).isNotEqualTo(SqlSplitter.withoutLayout("select ab"));
        assertThat(SqlSplitter.withoutLayout("select 1; select 2")).isNotEqualTo(SqlSplitter.withoutLayout("select 1, 2"));
        assertThat(SqlSplitter.withoutLayout("select $$a  b$$")).isNotEqualTo(SqlSplitter.withoutLayout("select $$a b$$"));
        assertThat(SqlSplitter.withoutLayout("select f (x)")).isEqualTo(SqlSplitter.withoutLayout("select f(x)"));
    }

    private static RevisionWriter javaWriter(Path sources, List<PostWriteHook> hooks) {
        return new RevisionWriter(new RevisionWriter.Settings(RevisionWriter.Format.JAVA, sources, "db.revisions",
                RevisionWriter.DEFAULT_TEMPLATE), CLOCK, hooks);
    }

    private static RevisionWriter sqlWriter(Path folder, List<PostWriteHook> hooks) {
        return new RevisionWriter(new RevisionWriter.Settings(RevisionWriter.Format.SQL, folder, "db.revisions",
                RevisionWriter.DEFAULT_TEMPLATE), CLOCK, hooks);
    }

    /** What autogenerate writes for one new table. */
    private static RevisionWriter.Body ordersTable() {
        Schema target = new Schema(List.of(new Schema.Table("orders", List.of(
                new Schema.Column("id", "bigint", false, null, false, null),
                new Schema.Column("customer_note", "character varying(200)", true, "'none'::character varying",
                        false, "what the customer asked for")),
                List.of(), List.of(), List.of(), List.of(), List.of(), null)), List.of());
        List<Change> changes = SchemaComparison.all().compare(target, new Schema(List.of(), List.of()));
        JavaRenderer renderer = new JavaRenderer();
        return new RevisionWriter.Body(renderer.upgrade(changes), renderer.downgrade(changes), null, null,
                renderer.staticImports());
    }
}
