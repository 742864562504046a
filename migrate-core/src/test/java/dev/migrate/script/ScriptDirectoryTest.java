package dev.migrate.script;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateException;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraphException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptDirectoryTest {

    final ClassLoader loader = getClass().getClassLoader();

    @Test
    void findsJavaRevisionsInAClasspathFolder() {
        ScriptDirectory scripts = ScriptDirectory.load(List.of(Location.parse("classpath:dev/migrate/seed/java")), loader);
        assertThat(scripts.scripts()).allMatch(JavaRevisionScript.class::isInstance);
        assertThat(scripts.graph().revisions()).extracting(Revision::id)
                .containsExactly("a1b2c3d4e5f6", "b2c3d4e5f6a1", "c3d4e5f6a1b2", "d4e5f6a1b2c3");
        assertThat(scripts.script("a1b2c3d4e5f6").location())
                .isEqualTo("dev.migrate.seed.java.R20250129_1234_a1b2c3d4e5f6_create_users");
    }

    @Test
    void findsSqlAndJavaRevisionsInsideAJar(@TempDir Path folder) throws IOException {
        Path jar = folder.resolve("revisions.jar");
        Path classes = Path.of("target/test-classes/dev/migrate/seed/java");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Folder entries, as the jar tool and Maven write them.
            for (String folderEntry : List.of("jarred/", "jarred/sql/", "jarred/sql/nested/", "dev/", "dev/migrate/",
                    "dev/migrate/seed/", "dev/migrate/seed/java/")) {
                out.putNextEntry(new JarEntry(folderEntry));
                out.closeEntry();
            }
            add(out, "jarred/sql/one.sql", "-- id: aaaa11112222\n-- migrate:upgrade\nSELECT 1;\n");
            add(out, "jarred/sql/nested/two.sql", "-- id: bbbb11112222\n-- parents: aaaa11112222\n-- migrate:upgrade\nSELECT 2;\n");
            try (var files = Files.list(classes)) {
                for (Path file : files.toList()) {
                    out.putNextEntry(new JarEntry("dev/migrate/seed/java/" + file.getFileName()));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
            }
        }
        // The parent hides the test-classes folder, so everything must come out of the jar.
        ClassLoader hiding = new ClassLoader(loader) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("dev/migrate/seed") ? Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        try (URLClassLoader jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, hiding)) {
            ScriptDirectory scripts = ScriptDirectory.load(List.of(Location.parse("classpath:jarred/sql"),
                    Location.parse("dev/migrate/seed/java")), jarLoader);
            assertThat(scripts.graph().size()).isEqualTo(6);
            assertThat(scripts.script("bbbb11112222").location()).isEqualTo("jarred/sql/nested/two.sql");
        }
    }

    @Test
    void findsSqlRevisionsInAFileSystemFolder(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("20260101_0000_abcd00000001_first.sql"), "-- id: abcd00000001\n-- migrate:upgrade\nSELECT 1;\n");
        ScriptDirectory scripts = ScriptDirectory.load(List.of(Location.parse("filesystem:" + folder)), loader);
        assertThat(scripts.graph().heads()).extracting(Revision::id).containsExactly("abcd00000001");
    }

    @Test
    void aFileSystemFolderIsSearchedDownItsSubfoldersAndOtherFilesAreIgnored(@TempDir Path folder) throws IOException {
        Path nested = Files.createDirectories(folder.resolve("2026").resolve("march"));
        Files.writeString(folder.resolve("a.sql"), "-- id: aaaa00000001\n-- migrate:upgrade\nSELECT 1;\n");
        Files.writeString(nested.resolve("b.sql"), "-- id: bbbb00000002\n-- parents: aaaa00000001\n-- migrate:upgrade\nSELECT 2;\n");
        Files.writeString(nested.resolve("README.md"), "not a revision");
        Files.writeString(folder.resolve("notes.txt"), "not a revision either");

        ScriptDirectory scripts = ScriptDirectory.load(List.of(Location.parse("filesystem:" + folder)), loader);

        assertThat(scripts.scripts()).extracting(RevisionScript::location)
                .containsExactly(folder.resolve("2026/march/b.sql").toString(), folder.resolve("a.sql").toString());
        assertThat(scripts.graph().heads()).extracting(Revision::id).containsExactly("bbbb00000002");
    }

    @Test
    void aFileSystemLocationThatDoesNotExistIsAnErrorNotAnEmptyHistory(@TempDir Path folder) throws IOException {
        Path missing = folder.resolve("revisons");
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(Location.parse("filesystem:" + missing)), loader))
                .isInstanceOf(ScriptException.class)
                .hasMessage("Revisions location filesystem:" + missing + " does not exist (" + missing + ").");
        Path file = Files.writeString(folder.resolve("one.sql"), "-- id: a1\n-- migrate:upgrade\n");
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(Location.parse("filesystem:" + file)), loader))
                .hasMessage("Revisions location filesystem:" + file + " is not a folder (" + file + ").");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheByteNotStoredWithReplacementCharacters(@TempDir Path folder)
            throws IOException {
        Path latin1 = folder.resolve("latin1.sql");
        Files.write(latin1, "-- id: a1\n-- message: caf\u00e9\n-- migrate:upgrade\nSELECT 1;\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(Location.parse("filesystem:" + folder)), loader))
                .isInstanceOf(ScriptException.class)
                .hasMessage(latin1 + " is not valid UTF-8: byte 0xE9 at offset 25 (line 2) does not begin or continue a "
                        + "UTF-8 character. It was probably saved as Latin-1 or Windows-1252: save it as UTF-8.");
    }

    @Test
    void utf16FilesAreNamedAsSuchWithOrWithoutAByteOrderMark(@TempDir Path folder) throws IOException {
        Path withMark = Files.createDirectories(folder.resolve("marked")).resolve("one.sql");
        Files.write(withMark, "-- id: a1\n-- migrate:upgrade\nSELECT 1;\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        byte[] marked = Files.readAllBytes(withMark);
        byte[] bom = new byte[marked.length + 2];
        bom[0] = (byte) 0xFF;
        bom[1] = (byte) 0xFE;
        System.arraycopy(marked, 0, bom, 2, marked.length);
        Files.write(withMark, bom);
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(Location.parse("filesystem:" + withMark.getParent())), loader))
                .hasMessage(withMark + " is UTF-16LE (it starts with that byte order mark); revision files are UTF-8: "
                        + "save it as UTF-8.");

        Path bare = Files.createDirectories(folder.resolve("bare")).resolve("one.sql");
        Files.write(bare, marked);
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(Location.parse("filesystem:" + bare.getParent())), loader))
                .hasMessage(bare + " holds a NUL byte at offset 1 (line 1): it looks like UTF-16 without a byte order "
                        + "mark; revision files are UTF-8 text: save it as UTF-8.");
    }

    @Test
    void aUtf8ByteOrderMarkAndARealReplacementCharacterAreFine(@TempDir Path folder) throws IOException {
        byte[] text = "-- id: a1\n-- message: \ufffd stays\n-- migrate:upgrade\nSELECT 1;\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        Files.write(folder.resolve("one.sql"), withMark);
        ScriptDirectory scripts = ScriptDirectory.load(List.of(Location.parse("filesystem:" + folder)), loader);
        assertThat(scripts.graph().get("a1").message()).isEqualTo("\ufffd stays");
    }

    @Test
    void aClassWithoutTheAnnotationIsRefused() {
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(Location.parse("classpath:dev/migrate/badrevisions/missing")), loader))
                .isInstanceOf(ScriptException.class)
                .hasMessage("Class dev.migrate.badrevisions.missing.NotARevision is in a revisions location but has no "
                        + "@RevisionInfo annotation; every top-level class there must be a revision (move helpers to "
                        + "another package).");
    }

    @Test
    void anAnnotatedClassOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(Location.parse("classpath:dev/migrate/badrevisions/wrongtype")), loader))
                .hasMessage("Class dev.migrate.badrevisions.wrongtype.WrongType has @RevisionInfo but does not implement "
                        + "dev.migrate.script.JavaRevision.");
    }

    @Test
    void revisionsWithOneIdInTwoFormatsAreDuplicates() {
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(Location.parse("classpath:seed/sql"),
                Location.parse("classpath:dev/migrate/seed/java")), loader))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("revision id 'a1b2c3d4e5f6' is defined twice: in "
                        + "seed/sql/20250129_1234_a1b2c3d4e5f6_create_users.sql and in "
                        + "dev.migrate.seed.java.R20250129_1234_a1b2c3d4e5f6_create_users.");
    }

    @Test
    void aMissingLocationYieldsNoRevisions() {
        assertThat(ScriptDirectory.load(List.of(Location.parse("classpath:no/such/place")), loader).graph().size()).isZero();
    }

    @Test
    void locationsNeedAKnownPrefixAndAFolder() {
        assertThatThrownBy(() -> Location.parse("http://example.com/revisions"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("Revisions location 'http://example.com/revisions' has an unknown prefix 'http:'; use "
                        + "'classpath:' or 'filesystem:'.");
        assertThatThrownBy(() -> Location.parse("classpath:/"))
                .hasMessageStartingWith("A classpath revisions location must name a folder");
        assertThat(Location.parse("db/revisions")).isEqualTo(new Location(true, "db/revisions"));
        assertThat(Location.parse("classpath:/db/revisions/").packageName()).isEqualTo("db.revisions");
    }

    private static void add(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
