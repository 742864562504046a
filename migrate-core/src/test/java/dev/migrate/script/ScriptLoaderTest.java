package dev.migrate.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Revisions are read once, on the caller's thread or in the background, and a failed read keeps failing alike. */
class ScriptLoaderTest {

    private static final ClassLoader LOADER = ScriptLoaderTest.class.getClassLoader();

    private static void write(Path folder, String name, String id) throws IOException {
        Files.writeString(folder.resolve(name), "-- id: " + id + "\n-- migrate:upgrade\nSELECT 1;\n");
    }

    @Test
    void readsOnFirstUseAndOnlyOnce(@TempDir Path folder) throws IOException {
        write(folder, "a.sql", "aaaa00000001");
        ScriptLoader loader = ScriptLoader.of(List.of(Location.parse("filesystem:" + folder)), LOADER);

        ScriptDirectory first = loader.get();
        write(folder, "b.sql", "bbbb00000002");

        assertThat(loader.get()).isSameAs(first);
        assertThat(first.graph().size()).isEqualTo(1);
    }

    @Test
    void aReadStartedInTheBackgroundGivesTheSameRevisions(@TempDir Path folder) throws IOException {
        write(folder, "a.sql", "aaaa00000001");
        ScriptLoader loader = ScriptLoader.of(List.of(Location.parse("filesystem:" + folder)), LOADER);

        loader.startInBackground();
        loader.startInBackground();

        assertThat(loader.get().script("aaaa00000001").location()).isEqualTo(folder.resolve("a.sql").toString());
    }

    @Test
    void aFailedReadThrowsItsOwnExceptionEveryTimeOnEitherThread(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("bad.sql"), "-- id: r1\n-- author: me\n-- migrate:upgrade\n");
        String message = folder.resolve("bad.sql") + ":2: unknown header key 'author'; the keys are id, parents, "
                + "branch-labels, depends-on, message, created, transactional.";
        ScriptLoader inBackground = ScriptLoader.of(List.of(Location.parse("filesystem:" + folder)), LOADER);
        inBackground.startInBackground();
        ScriptLoader onCaller = ScriptLoader.of(List.of(Location.parse("filesystem:" + folder)), LOADER);

        for (ScriptLoader loader : List.of(inBackground, onCaller, inBackground, onCaller)) {
            assertThatThrownBy(loader::get).isInstanceOf(ScriptException.class).hasMessage(message);
        }
    }
}
