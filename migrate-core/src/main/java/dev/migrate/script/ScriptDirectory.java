package dev.migrate.script;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.revision.RevisionGraph;

/**
 * The revisions found in the configured locations, and the graph they form. Classpath locations are scanned by
 * listing the location's folder (in a directory or a jar, nested Spring Boot jars included): only classes in the
 * revisions package are loaded, and only their annotations are read until a revision has to run.
 */
public final class ScriptDirectory {

    private static final Logger logger = LoggerFactory.getLogger(ScriptDirectory.class);

    private final List<Location> locations;

    private final Map<String, RevisionScript> scripts;

    private final RevisionGraph graph;

    /** The location each revision was found in (revisions given directly have none). */
    private final Map<String, Location> foundIn;

    private ScriptDirectory(List<Location> locations, Map<String, RevisionScript> scripts, RevisionGraph graph,
            Map<String, Location> foundIn) {
        this.locations = locations;
        this.scripts = scripts;
        this.graph = graph;
        this.foundIn = foundIn;
    }

    /** Scripts given directly (tests, tools); their graph is validated as for loaded ones. */
    public static ScriptDirectory of(Collection<? extends RevisionScript> scripts) {
        Map<String, RevisionScript> byId = new LinkedHashMap<>();
        scripts.forEach(script -> byId.putIfAbsent(script.revision().id(), script));
        RevisionGraph graph = RevisionGraph.of(scripts.stream().map(RevisionScript::revision).toList());
        return new ScriptDirectory(List.of(), byId, graph, Map.of());
    }

    /**
     * Finds every revision in the locations and builds their graph.
     *
     * @throws ScriptException for a revision that cannot be read
     * @throws dev.migrate.revision.RevisionGraphException when the revisions do not form a valid graph
     */
    public static ScriptDirectory load(List<Location> locations, ClassLoader classLoader) {
        List<RevisionScript> found = new ArrayList<>();
        Map<String, Location> foundIn = new java.util.HashMap<>();
        for (Location location : locations) {
            int before = found.size();
            if (location.onClasspath()) {
                scanClasspath(location, classLoader, found);
            }
            else {
                scanFolder(location, Paths.get(location.path()), found);
            }
            if (found.size() == before) {
                logger.warn("No revisions found in {}", location);
            }
            for (int i = before; i < found.size(); i++) {
                foundIn.putIfAbsent(found.get(i).revision().id(), location);
            }
        }
        ScriptDirectory directory = of(found);
        return new ScriptDirectory(List.copyOf(locations), directory.scripts, directory.graph, foundIn);
    }

    /** The location a revision was found in, or {@code null} for a revision given directly. */
    public Location locationOf(String id) {
        return foundIn.get(id);
    }

    public List<Location> locations() {
        return locations;
    }

    public RevisionGraph graph() {
        return graph;
    }

    /** The script of a revision id; the id must be in the graph. */
    public RevisionScript script(String id) {
        RevisionScript script = scripts.get(id);
        if (script == null) {
            throw new IllegalArgumentException("No revision " + id);
        }
        return script;
    }

    public Collection<RevisionScript> scripts() {
        return Collections.unmodifiableCollection(scripts.values());
    }

    // ---- scanning -----------------------------------------------------------------------------------------

    private static void scanFolder(Location location, Path folder, List<RevisionScript> found) {
        if (!Files.isDirectory(folder)) {
            // A typo in a path must not look like a database with nothing to do.
            throw new ScriptException("Revisions location " + location + " " + (Files.exists(folder)
                    ? "is not a folder" : "does not exist") + " (" + folder.toAbsolutePath() + ").");
        }
        List<String> files = new ArrayList<>();
        listSqlFiles(folder.toFile(), files);
        Collections.sort(files);
        for (String file : files) {
            try {
                found.add(SqlRevisionScript.parse(file, readFile(file)));
            }
            catch (IOException ex) {
                throw new ScriptException("Cannot read revision " + file + " in " + location + ": " + ex.getMessage(), ex);
            }
        }
    }

    /** Plain {@code java.io}: for many small files it does less per file than {@code Files.readString}. */
    private static String readFile(String file) throws IOException {
        try (InputStream in = new FileInputStream(file)) {
            return RevisionText.decode(file, in.readAllBytes());
        }
    }

    /**
     * Adds the {@code .sql} files under {@code folder}. Names are listed without reading each entry's attributes
     * (a thousand revisions would cost a thousand stat calls): a {@code .sql} name is taken for a file, any other
     * name is checked for being a folder to descend into.
     */
    private static void listSqlFiles(File folder, List<String> files) {
        String[] names = folder.list();
        if (names == null) {
            throw new ScriptException("Cannot list the revisions folder " + folder);
        }
        for (String name : names) {
            File entry = new File(folder, name);
            if (name.endsWith(".sql")) {
                files.add(entry.getPath());
            }
            else if (entry.isDirectory()) {
                listSqlFiles(entry, files);
            }
        }
    }

    /**
     * The name of the index a build writes into a classpath location (Spring AOT does) for where the location cannot
     * be listed, as in a GraalVM native image, whose {@code resource:} URLs list no classes: one entry per line, each
     * a SQL file or a class file, relative to the location.
     */
    public static final String INDEX = "migrate-revisions.idx";

    /** What a classpath location holds: its SQL files and its revision classes, by resource name. */
    public record ClasspathEntries(Map<String, URL> sqlFiles, Map<String, String> classes) {

        /** The index of these entries, as {@link #INDEX} holds it for the location. */
        public String index(Location location) {
            StringBuilder index = new StringBuilder();
            String prefix = location.path() + "/";
            sqlFiles.keySet().forEach(resource -> index.append(resource.substring(prefix.length())).append('\n'));
            classes.values().forEach(resource -> index.append(resource.substring(prefix.length())).append('\n'));
            return index.toString();
        }
    }

    /**
     * Lists a classpath location: folders and jars are listed; where a root is neither (a native image's
     * {@code resource:} URL), or there is none, the location's {@link #INDEX} says what it holds.
     */
    public static ClasspathEntries listClasspath(Location location, ClassLoader classLoader) {
        Map<String, String> classes = new TreeMap<>();
        Map<String, URL> sqlFiles = new TreeMap<>();
        try {
            boolean listed = false;
            boolean unlistable = false;
            Enumeration<URL> roots = classLoader.getResources(location.path());
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    listDirectory(location, Paths.get(root.toURI()), classes, sqlFiles);
                    listed = true;
                }
                else if (root.openConnection() instanceof JarURLConnection jar) {
                    listJar(location, root, jar, classes, sqlFiles);
                    listed = true;
                }
                else {
                    unlistable = true;
                }
            }
            if (unlistable || !listed) {
                boolean indexed = readIndexes(location, classLoader, classes, sqlFiles);
                if (unlistable && !indexed) {
                    throw new ScriptException("Cannot list revisions location " + location + ": it is neither a "
                            + "folder nor a jar, and holds no " + INDEX + " (Spring AOT's processing writes one)");
                }
            }
        }
        catch (IOException | URISyntaxException ex) {
            throw new ScriptException("Cannot scan revisions location " + location + ": " + ex.getMessage(), ex);
        }
        return new ClasspathEntries(sqlFiles, classes);
    }

    private static boolean readIndexes(Location location, ClassLoader classLoader, Map<String, String> classes,
            Map<String, URL> sqlFiles) throws IOException {
        boolean found = false;
        Enumeration<URL> indexes = classLoader.getResources(location.path() + "/" + INDEX);
        while (indexes.hasMoreElements()) {
            found = true;
            String index = new String(read(indexes.nextElement()), StandardCharsets.UTF_8);
            for (String line : index.split("\n")) {
                String entry = line.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.startsWith("/") || entry.contains("..")) {
                    throw new ScriptException("The revisions index of " + location + " names '" + entry
                            + "', which is not inside the location");
                }
                String resource = location.path() + "/" + entry;
                URL url = classLoader.getResource(resource);
                if (url == null && entry.endsWith(".sql")) {
                    throw new ScriptException("The revisions index of " + location + " names " + resource
                            + ", which is not on the classpath");
                }
                collect(resource, url, classes, sqlFiles);
            }
        }
        return found;
    }

    private static void scanClasspath(Location location, ClassLoader classLoader, List<RevisionScript> found) {
        ClasspathEntries entries = listClasspath(location, classLoader);
        for (Map.Entry<String, URL> sql : entries.sqlFiles().entrySet()) {
            found.add(SqlRevisionScript.parse(sql.getKey(), RevisionText.decode(sql.getKey(), read(sql.getValue()))));
        }
        for (String className : entries.classes().keySet()) {
            Class<?> type;
            try {
                type = Class.forName(className, false, classLoader);
            }
            catch (ClassNotFoundException | LinkageError ex) {
                throw new ScriptException("Cannot load revision class " + className + ": " + ex, ex);
            }
            found.add(JavaRevisionScript.of(type));
        }
    }

    private static void listDirectory(Location location, Path root, Map<String, String> classes,
            Map<String, URL> sqlFiles) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                String resource = location.path() + "/" + relative;
                collect(resource, file.toUri().toURL(), classes, sqlFiles);
            }
        }
    }

    private static void listJar(Location location, URL root, JarURLConnection jarConnection,
            Map<String, String> classes, Map<String, URL> sqlFiles) throws IOException {
        jarConnection.setUseCaches(false);
        try (JarFile jar = jarConnection.getJarFile()) {
            String prefix = jarConnection.getEntryName() == null ? "" : jarConnection.getEntryName();
            prefix = prefix.endsWith("/") ? prefix : prefix + "/";
            Enumeration<JarEntry> entries = jar.entries();
            String base = root.toString().substring(0, root.toString().length() - jarConnection.getEntryName().length());
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    collect(entry.getName(), new URL(base + entry.getName()), classes, sqlFiles);
                }
            }
        }
    }

    /** Keeps SQL files and top-level classes; inner and anonymous classes belong to their revision. */
    private static void collect(String resource, URL url, Map<String, String> classes, Map<String, URL> sqlFiles) {
        if (resource.endsWith(".sql")) {
            sqlFiles.putIfAbsent(resource, url);
        }
        else if (resource.endsWith(".class") && !resource.contains("$") && !resource.endsWith("package-info.class")
                && !resource.endsWith("module-info.class")) {
            String className = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
            classes.putIfAbsent(className, resource);
        }
    }

    private static byte[] read(URL url) {
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                return in.readAllBytes();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + url, ex);
        }
    }
}
