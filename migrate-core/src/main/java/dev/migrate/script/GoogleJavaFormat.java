package dev.migrate.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import dev.migrate.MigrateException;

/**
 * Formats a new Java revision with google-java-format, found on the application's classpath.
 *
 * <p>google-java-format reads Java with javac's own parser, whose packages the JDK does not export; rather than ask
 * every application to start with {@code --add-exports}, the formatter runs in a short-lived JVM of its own that
 * does, with the application's classpath (inside a Spring Boot jar, through the jar's own launcher).
 */
public final class GoogleJavaFormat implements PostWriteHook {

    /** The formatter's command-line entry point. */
    static final String MAIN_CLASS = "com.google.googlejavaformat.java.Main";

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private static final int MAX_PASSES = 3;

    private static final List<String> JAVAC_PACKAGES = List.of("api", "code", "file", "parser", "tree", "util");

    /** The layouts google-java-format knows. */
    public enum Style {

        /** Two-space indentation, Google's own style. */
        GOOGLE,

        /** Four-space indentation (Android Open Source Project style), as most Spring projects indent. */
        AOSP
    }

    private final Style style;

    private final Duration timeout;

    public GoogleJavaFormat(Style style, Duration timeout) {
        this.style = style;
        this.timeout = timeout;
    }

    /** Whether google-java-format can be loaded by {@code classLoader}. */
    public static boolean isAvailable(ClassLoader classLoader) {
        try {
            Class.forName(MAIN_CLASS, false, classLoader);
            return true;
        }
        catch (ClassNotFoundException | LinkageError ex) {
            return false;
        }
    }

    /**
     * Formats the file until formatting no longer changes it: google-java-format wraps a long string after laying out
     * the code, and the wrapped lines are only indented as its layout wants on the next pass.
     */
    @Override
    public void run(Path file) {
        try {
            String before = Files.readString(file, StandardCharsets.UTF_8);
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                formatOnce(file);
                String after = Files.readString(file, StandardCharsets.UTF_8);
                if (after.equals(before)) {
                    return;
                }
                before = after;
            }
        }
        catch (IOException ex) {
            throw failure(file, ex.getMessage());
        }
    }

    private void formatOnce(Path file) {
        Path argFile = null;
        try {
            argFile = Files.createTempFile("migrate-format", ".args");
            Files.writeString(argFile, "-cp\n" + quoted(System.getProperty("java.class.path")) + "\n",
                    StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String javacPackage : JAVAC_PACKAGES) {
                command.add("--add-exports=jdk.compiler/com.sun.tools.javac." + javacPackage + "=ALL-UNNAMED");
            }
            command.add("@" + argFile);
            command.addAll(mainClass());
            if (style == Style.AOSP) {
                command.add("--aosp");
            }
            command.add("--replace");
            command.add(file.toAbsolutePath().toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // The formatter prints little; reading it all before waiting keeps its pipe from filling.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw failure(file, "it did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw failure(file, "it exited with status " + process.exitValue()
                        + (output.isEmpty() ? "" : ":\n" + output));
            }
        }
        catch (IOException ex) {
            throw failure(file, ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw failure(file, "it was interrupted");
        }
        finally {
            if (argFile != null) {
                try {
                    Files.deleteIfExists(argFile);
                }
                catch (IOException ignored) {
                    // A temporary file of a few bytes; the system's cleaning takes it.
                }
            }
        }
    }

    /**
     * How the formatter's JVM reaches its main class: directly on a plain classpath, or through Spring Boot's
     * launcher when the classpath is one executable Spring Boot jar (whose libraries are nested inside it).
     */
    private static List<String> mainClass() {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")) {
            try (JarFile jar = new JarFile(classPath)) {
                Manifest manifest = jar.getManifest();
                String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
                if (main != null && main.startsWith("org.springframework.boot.loader.")) {
                    return List.of("-Dloader.main=" + MAIN_CLASS, BOOT_LAUNCHER);
                }
            }
            catch (IOException ex) {
                // Not a jar that can be read: treat it as a plain classpath entry.
            }
        }
        return List.of(MAIN_CLASS);
    }

    /** A value as a java launcher argument file holds it: in quotes, backslashes and quotes escaped. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static MigrateException failure(Path file, String why) {
        return new MigrateException("Wrote " + file + ", but google-java-format could not format it: " + why
                + ". The file is as Migrate wrote it; set migrate.revisions.java-formatter=none to skip formatting.");
    }
}
