package dev.migrate.script;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.revision.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Revisions in a GraalVM native image: resources come as {@code resource:} URLs that no folder or jar listing
 * reads, and class files are not resources at all, so a location is read from the index its build wrote.
 */
class NativeImageResourcesTest {

    static final Location JAVA = Location.parse("classpath:dev/migrate/seed/java");

    static final Location SQL = Location.parse("classpath:seed/sql");

    final ClassLoader jvm = getClass().getClassLoader();

    @Test
    void javaAndSqlRevisionsAreReadThroughTheIndexTheBuildWrote() {
        NativeImageLoader image = new NativeImageLoader(jvm);
        image.index(JAVA, ScriptDirectory.listClasspath(JAVA, jvm).index(JAVA));
        image.index(SQL, ScriptDirectory.listClasspath(SQL, jvm).index(SQL));
        for (Location location : List.of(JAVA, SQL)) {
            assertThat(ScriptDirectory.load(List.of(location), image).graph().revisions()).extracting(Revision::id)
                    .containsExactly("a1b2c3d4e5f6", "b2c3d4e5f6a1", "c3d4e5f6a1b2", "d4e5f6a1b2c3");
        }
        assertThat(ScriptDirectory.load(List.of(SQL), image).script("a1b2c3d4e5f6").checksum())
                .isEqualTo(ScriptDirectory.load(List.of(SQL), jvm).script("a1b2c3d4e5f6").checksum());
    }

    @Test
    void theIndexListsSqlFilesAndTopLevelClassesRelativeToTheLocation() {
        assertThat(ScriptDirectory.listClasspath(SQL, jvm).index(SQL)).isEqualTo(
                "20250129_1234_a1b2c3d4e5f6_create_users.sql\n20250130_0900_b2c3d4e5f6a1_create_strategies.sql\n"
                        + "20250131_1000_c3d4e5f6a1b2_create_credits.sql\n20250201_0800_d4e5f6a1b2c3_add_full_name.sql\n");
        assertThat(ScriptDirectory.listClasspath(JAVA, jvm).index(JAVA))
                .startsWith("R20250129_1234_a1b2c3d4e5f6_create_users.class\n").doesNotContain("$");
    }

    @Test
    void anUnlistableLocationWithoutAnIndexIsAnErrorNotAnEmptyGraph() {
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(SQL), new NativeImageLoader(jvm)))
                .isInstanceOf(ScriptException.class)
                .hasMessage("Cannot list revisions location classpath:seed/sql: it is neither a folder nor a jar, "
                        + "and holds no migrate-revisions.idx (Spring AOT's processing writes one)");
    }

    @Test
    void anIndexCannotReachOutsideItsLocation() {
        NativeImageLoader image = new NativeImageLoader(jvm);
        image.index(SQL, "../java/R1.class\n");
        assertThatThrownBy(() -> ScriptDirectory.load(List.of(SQL), image)).isInstanceOf(ScriptException.class)
                .hasMessageContaining("names '../java/R1.class', which is not inside the location");
    }

    /**
     * What a native image's class loader shows: every resource (folders included) at a {@code resource:} URL, no
     * class files; classes themselves load.
     */
    static final class NativeImageLoader extends ClassLoader {

        private final Map<String, byte[]> extra = new HashMap<>();

        NativeImageLoader(ClassLoader classes) {
            super(classes);
        }

        void index(Location location, String index) {
            extra.put(location.path() + "/" + ScriptDirectory.INDEX, index.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public URL getResource(String name) {
            if (name.endsWith(".class")) {
                return null;
            }
            byte[] bytes = extra.get(name);
            if (bytes == null) {
                URL real = getParent().getResource(name);
                if (real == null) {
                    return null;
                }
                bytes = read(real);
            }
            return resourceUrl(name, bytes);
        }

        @Override
        public Enumeration<URL> getResources(String name) {
            URL url = getResource(name);
            return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
        }

        private static byte[] read(URL url) {
            try (InputStream in = url.openStream()) {
                return in.readAllBytes();
            }
            catch (IOException ex) {
                // A folder: a native image lists its entries, which nothing here reads.
                return new byte[0];
            }
        }

        private static URL resourceUrl(String name, byte[] bytes) {
            try {
                return new URL("resource", null, -1, "/" + name, new URLStreamHandler() {
                    @Override
                    protected URLConnection openConnection(URL url) {
                        return new URLConnection(url) {
                            @Override
                            public void connect() {
                            }

                            @Override
                            public InputStream getInputStream() {
                                return new ByteArrayInputStream(bytes);
                            }
                        };
                    }
                });
            }
            catch (MalformedURLException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
