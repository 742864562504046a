package dev.migrate.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles generated Java sources with the JDK's compiler, as the user's build would, and loads the classes. */
public final class JavaSources {

    private JavaSources() {
    }

    /**
     * Compiles every {@code .java} file under {@code sourceRoot} against the test classpath and returns a class loader
     * for the result.
     *
     * @throws AssertionError with the compiler's messages when a file does not compile
     */
    public static ClassLoader compile(Path sourceRoot) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createTempDirectory("migrate-compiled");
        List<String> arguments = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"), "-d",
                classes.toString(), "-proc:none", "-Xlint:none"));
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        StringWriter messages = new StringWriter();
        int status = compiler.run(null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                messages.write(b);
            }
        }), new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                messages.write(b);
            }
        }), arguments.toArray(String[]::new));
        if (status != 0) {
            throw new AssertionError("The generated sources do not compile:\n" + messages);
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaSources.class.getClassLoader());
    }
}
