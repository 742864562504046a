package dev.migrate.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged demo jar, run as a user runs it: {@code java -jar demo-app.jar ...}. */
final class DemoJar {

    /** What a command run printed, and its exit status. */
    record Result(int exitCode, String output) {
    }

    private final Path workingDirectory;

    private final Map<String, String> environment;

    private final List<String> baseArguments;

    private final List<String> jvmArguments;

    DemoJar(Path workingDirectory, Map<String, String> environment, List<String> baseArguments) {
        this(workingDirectory, environment, baseArguments, List.of());
    }

    /** @param jvmArguments options for the JVM, such as {@code -Dspring.aot.enabled=true} */
    DemoJar(Path workingDirectory, Map<String, String> environment, List<String> baseArguments,
            List<String> jvmArguments) {
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.baseArguments = baseArguments;
        this.jvmArguments = jvmArguments;
    }

    private ProcessBuilder builder(List<String> arguments) {
        String jar = System.getProperty("demo.jar");
        if (jar == null) {
            throw new IllegalStateException("demo.jar is not set: run these tests with 'verify', after 'package'");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmArguments);
        command.addAll(List.of("-jar", jar));
        command.addAll(baseArguments);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder;
    }

    /** Runs a command ({@code --migrate.command=...}) to its end. */
    Result command(String commandLine) throws IOException, InterruptedException {
        return run("--migrate.command=" + commandLine);
    }

    /** Runs the jar with these arguments to its end (a command, the autogenerate profile). */
    Result run(String... arguments) throws IOException, InterruptedException {
        Process process = builder(List.of(arguments)).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the command did not end: " + output);
        }
        return new Result(process.exitValue(), output.strip());
    }

    /** Starts the application on a free port and waits until it is healthy. */
    Server start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = builder(List.of("--server.port=" + port)).redirectOutput(
                workingDirectory.resolve("app-" + port + ".log").toFile()).start();
        Server server = new Server(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the demo stopped: " + server.log());
            }
            try {
                if (server.get("/actuator/health").statusCode() == 200) {
                    return server;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the demo did not become healthy: " + server.log());
            }
            Thread.sleep(250);
        }
    }

    /** A running demo. */
    final class Server implements AutoCloseable {

        private final Process process;

        private final int port;

        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        Server(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String log() {
            try {
                return java.nio.file.Files.readString(workingDirectory.resolve("app-" + port + ".log"));
            }
            catch (IOException ex) {
                return "(no log)";
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
