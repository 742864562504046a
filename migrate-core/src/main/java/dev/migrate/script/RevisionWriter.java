package dev.migrate.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

import dev.migrate.MigrateException;
import dev.migrate.op.Operations;
import dev.migrate.revision.Revision;

/**
 * Writes new revision files into the source tree: a Java class (generated with JavaPoet) or an SQL file, named by
 * the file template. The bodies come from a {@link Body}, empty for {@code revision} and {@code merge}.
 */
public final class RevisionWriter {

    /** The file template's default, the seed's: {@code 20250129_1234_ae1027a6acf0_create_users}. */
    public static final String DEFAULT_TEMPLATE = "{year}{month}{day}_{hour}{minute}_{rev}_{slug}";

    private static final int SLUG_LENGTH = 40;

    /** Which kind of file to write. */
    public enum Format {
        JAVA, SQL
    }

    /**
     * The code of a new revision's upgrade and downgrade.
     *
     * @param upgrade Java statements (each ending in {@code ;}) for a Java revision
     * @param downgrade Java statements for a Java revision
     * @param upgradeSql SQL for an SQL revision
     * @param downgradeSql SQL for an SQL revision
     * @param staticImports members of {@code dev.migrate.op.Ddl} and similar that the Java code uses
     */
    public record Body(CodeBlock upgrade, CodeBlock downgrade, String upgradeSql, String downgradeSql,
            List<StaticImport> staticImports) {

        public static Body empty() {
            return new Body(CodeBlock.of(""), CodeBlock.of(""), "", "", List.of());
        }
    }

    /** A static import of a generated Java revision. */
    public record StaticImport(ClassName type, String member) {
    }

    /**
     * Where and how files are written.
     *
     * @param format Java or SQL
     * @param directory for Java the source root (such as {@code src/main/java}); for SQL the folder itself
     * @param javaPackage the package of Java revisions (the classpath location as a package)
     * @param template the file-name template, with {@code {year} {month} {day} {hour} {minute} {rev} {slug}}
     * @param defaultLocation the revisions location {@code directory} and {@code javaPackage} write into
     */
    public record Settings(Format format, Path directory, String javaPackage, String template, Location defaultLocation) {

        /** Settings whose default location is the classpath folder of {@code javaPackage}. */
        public Settings(Format format, Path directory, String javaPackage, String template) {
            this(format, directory, javaPackage, template, Location.parse("classpath:" + javaPackage.replace('.', '/')));
        }
    }

    private final Settings settings;

    private final Clock clock;

    private final List<PostWriteHook> hooks;

    public RevisionWriter(Settings settings, Clock clock) {
        this(settings, clock, List.of());
    }

    /** A writer that runs {@code hooks} (formatters) on each file it writes, in order. */
    public RevisionWriter(Settings settings, Clock clock, List<PostWriteHook> hooks) {
        this.settings = settings;
        this.clock = clock;
        this.hooks = List.copyOf(hooks);
    }

    public Format format() {
        return settings.format();
    }

    /** Where files are written: for Java the source root, for SQL the folder. */
    public Path directory() {
        return settings.directory();
    }

    /** A new revision id: 12 lowercase hex characters from a random UUID, as Alembic makes them. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(20);
    }

    /** The time a new revision records, to the second. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Writes the revision and returns the file's path.
     *
     * @throws MigrateException when the file exists already or cannot be written
     */
    public Path write(Revision revision, boolean transactional, Body body) {
        return write(revision, transactional, body, null);
    }

    /**
     * Writes the revision into a location of its own (Alembic's {@code --version-path}), or where the settings say
     * when {@code location} is {@code null}: a Java revision into the location's package under the source root, an
     * SQL revision into a classpath location's folder under {@code src/main/resources}, or into a filesystem
     * location's folder.
     */
    public Path write(Revision revision, boolean transactional, Body body, Location location) {
        String name = fileName(revision);
        Path sqlFolder = settings.directory();
        String javaPackage = settings.javaPackage();
        if (location != null && location.equals(settings.defaultLocation())) {
            location = null;
        }
        if (location != null && settings.format() == Format.SQL) {
            sqlFolder = location.onClasspath() ? Path.of("src/main/resources").resolve(location.path())
                    : Path.of(location.path());
        }
        if (location != null && settings.format() == Format.JAVA) {
            if (!location.onClasspath()) {
                throw new MigrateException("Java revisions live on the classpath, so " + location + " cannot hold "
                        + "one; write an SQL revision there (migrate.revisions.format=sql) or choose a classpath location.");
            }
            javaPackage = location.packageName();
        }
        try {
            if (settings.format() == Format.SQL) {
                return writeNew(inside(sqlFolder, name + ".sql"), sql(revision, transactional, body));
            }
            String className = "R" + name;
            if (!SourceVersion.isName(className) || className.contains(".")) {
                throw new MigrateException("The file template '" + settings.template() + "' gives the class name '"
                        + className + "' for revision " + revision.id() + ", which is not a Java identifier; a Java "
                        + "revision's template may hold letters, digits and '_' besides its {placeholders}.");
            }
            JavaFile javaFile = java(revision, transactional, body, className, javaPackage);
            Path folder = settings.directory().resolve(javaPackage.replace('.', '/'));
            return writeNew(inside(folder, className + ".java"), javaFile.toString());
        }
        catch (IOException ex) {
            throw new MigrateException("Cannot write the new revision " + revision.id() + " into "
                    + settings.directory().toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The file {@code name} in {@code folder}, refused when it would lie anywhere else: a template or an id must not
     * be able to write outside the revisions folder.
     */
    private Path inside(Path folder, String name) {
        Path base = folder.toAbsolutePath().normalize();
        Path file = base.resolve(name).normalize();
        if (!file.startsWith(base) || file.equals(base)) {
            throw new MigrateException("The file template '" + settings.template() + "' gives the file name '" + name
                    + "', which lies outside the revisions folder " + base + "; a new revision is only written inside "
                    + "it.");
        }
        return folder.resolve(name).normalize();
    }

    private Path writeNew(Path file, String content) throws IOException {
        if (Files.exists(file)) {
            throw new MigrateException("Not overwriting " + file + ": the file exists already.");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        for (PostWriteHook hook : hooks) {
            hook.run(file);
        }
        return file;
    }

    /** The file name (without extension) the template gives for a revision. */
    String fileName(Revision revision) {
        ZonedDateTime time = (revision.created() != null ? revision.created() : now()).atZone(ZoneOffset.UTC);
        return settings.template()
                .replace("{year}", String.format("%04d", time.getYear()))
                .replace("{month}", String.format("%02d", time.getMonthValue()))
                .replace("{day}", String.format("%02d", time.getDayOfMonth()))
                .replace("{hour}", String.format("%02d", time.getHour()))
                .replace("{minute}", String.format("%02d", time.getMinute()))
                .replace("{rev}", revision.id())
                .replace("{slug}", slug(revision.message()));
    }

    /** The message as a file-name part: lower-case letters, digits and underscores, at most 40 characters. */
    static String slug(String message) {
        String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("_+$", "");
        }
        return slug.isEmpty() ? "revision" : slug;
    }

    private JavaFile java(Revision revision, boolean transactional, Body body, String className, String javaPackage) {
        AnnotationSpec.Builder info = AnnotationSpec.builder(RevisionInfo.class)
                .addMember("id", "$S", revision.id());
        if (!revision.parents().isEmpty()) {
            info.addMember("parents", array(revision.parents()));
        }
        if (!revision.branchLabels().isEmpty()) {
            info.addMember("branchLabels", array(revision.branchLabels().stream().sorted().toList()));
        }
        if (!revision.dependsOn().isEmpty()) {
            info.addMember("dependsOn", array(revision.dependsOn()));
        }
        info.addMember("message", "$S", revision.message());
        if (revision.created() != null) {
            info.addMember("created", "$S", revision.created().toString());
        }
        if (!transactional) {
            info.addMember("transactional", "false");
        }
        TypeSpec type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L\n", revision.message().isEmpty() ? "Revision " + revision.id() + "."
                        : CommentText.javadoc(revision.message()))
                .addAnnotation(info.build())
                .addSuperinterface(JavaRevision.class)
                .addMethod(method("upgrade", body.upgrade()))
                .addMethod(method("downgrade", body.downgrade()))
                .build();
        JavaFile.Builder file = JavaFile.builder(javaPackage, type).indent("    ")
                .skipJavaLangImports(true);
        for (StaticImport staticImport : body.staticImports()) {
            file.addStaticImport(staticImport.type(), staticImport.member());
        }
        return file.build();
    }

    private static MethodSpec method(String name, CodeBlock code) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Operations.class, "op")
                .addCode(code)
                .build();
    }

    private static CodeBlock array(List<String> values) {
        if (values.size() == 1) {
            return CodeBlock.of("$S", values.get(0));
        }
        CodeBlock.Builder block = CodeBlock.builder().add("{");
        for (int i = 0; i < values.size(); i++) {
            block.add(i == 0 ? "$S" : ", $S", values.get(i));
        }
        return block.add("}").build();
    }

    private static String sql(Revision revision, boolean transactional, Body body) {
        StringBuilder text = new StringBuilder();
        text.append("-- id: ").append(revision.id()).append('\n');
        if (!revision.parents().isEmpty()) {
            text.append("-- parents: ").append(String.join(", ", revision.parents())).append('\n');
        }
        if (!revision.branchLabels().isEmpty()) {
            text.append("-- branch-labels: ").append(String.join(", ", revision.branchLabels().stream().sorted().toList()))
                    .append('\n');
        }
        if (!revision.dependsOn().isEmpty()) {
            text.append("-- depends-on: ").append(String.join(", ", revision.dependsOn())).append('\n');
        }
        text.append("-- message: ").append(CommentText.sqlLine(revision.message())).append('\n');
        if (revision.created() != null) {
            text.append("-- created: ").append(revision.created()).append('\n');
        }
        if (!transactional) {
            text.append("-- transactional: false\n");
        }
        text.append("\n-- migrate:upgrade\n").append(body.upgradeSql());
        text.append("\n-- migrate:downgrade\n").append(body.downgradeSql());
        return text.toString();
    }
}
