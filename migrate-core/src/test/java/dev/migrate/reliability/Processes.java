package dev.migrate.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrate.testing.TestDatabase;

/** Starts {@link MigrateProcess} JVMs against a test database and collects what they print. */
final class Processes {

    private Processes() {
    }

    /** A started process and the lines it printed. */
    record Child(Process process, List<String> lines) {

        String last() {
            synchronized (lines) {
                return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            }
        }
    }

    static Child start(TestDatabase db, String scenario, Path go, String... more) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), MigrateProcess.class.getName(), db.jdbcUrl(), db.user(),
                db.password().isEmpty() ? "" : db.password(), scenario, go.toString()));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            }
            catch (IOException ex) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Child(process, lines);
    }

    /** Waits until every child has said "ready", at most the given seconds. */
    static void awaitReady(List<Child> children, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Child child : children) {
            while (!said(child, "ready")) {
                if (System.nanoTime() > deadline || !child.process().isAlive() && !said(child, "ready")) {
                    throw new IllegalStateException("A migrating process did not start: " + child.lines());
                }
                Thread.sleep(20);
            }
        }
    }

    static boolean said(Child child, String line) {
        synchronized (child.lines()) {
            return child.lines().contains(line);
        }
    }

    static Path goFile() throws IOException {
        Path folder = Files.createTempDirectory("migrate-go");
        return folder.resolve("go");
    }
}
