package dev.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Migrate, Flyway and Liquibase side by side on identical DDL against the same PostgreSQL, each case on a freshly
 * created database and in a JVM of its own; {@code psql -1 -f} of the same DDL is the floor, and psql with a
 * transaction per revision the floor of per-revision commits. Tools take turns round by round (the machines drift),
 * and the first round is a warm-up that is not counted.
 */
public final class ToolsBenchmark {

    /** The tools with their defaults; each is also started with Spring Boot (Liquibase's turn starts without either). */
    static final List<String> TOOLS = List.of("migrate", "flyway", "liquibase");

    /** Variants that only change how pending revisions are applied: one transaction for the whole run. */
    static final List<String> APPLY_VARIANTS = List.of("migrate, one tx", "flyway, group");

    /**
     * Calls after the first in the no-op JVM whose median is reported (calls 2-11); twice as many more after them
     * give the figure once the JIT has settled (calls 12-31).
     */
    static final int WARM_REPEATS = 10;

    private final Map<String, Integer> roundTrips = new LinkedHashMap<>();

    private final Map<String, List<Double>> samples = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        int revisions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path folder = Files.createTempDirectory("migrate-bench");
        writeRevisions(folder, revisions);
        new ToolsBenchmark().run(folder, revisions, rounds);
    }

    /** One database per variant of the Spring Boot start, brought to 100 applied revisions beforehand. */
    private final Map<String, String> bootDatabases = new LinkedHashMap<>();

    void run(Path folder, int revisions, int rounds) throws Exception {
        writeRevisions(folder.resolve("boot"), 100);
        for (String tool : TOOLS) {
            String url = BenchDatabase.fresh("migrate_bench_boot_" + tool);
            bootDatabases.put(tool, url);
            bootStart(tool, folder, url);
        }
        for (int round = 0; round <= rounds; round++) {
            boolean counted = round > 0;
            List<String> order = new ArrayList<>(TOOLS);
            order.addAll(APPLY_VARIANTS);
            java.util.Collections.rotate(order, round);
            for (String tool : order) {
                String url = BenchDatabase.fresh("migrate_bench_" + tool.replaceAll("\\W+", "_"));
                double[] apply = runTool(tool, folder, url, 1);
                if (counted) {
                    record("apply " + revisions + ", in-process", tool, apply[0]);
                    record("apply " + revisions + ", whole JVM", tool, apply[1]);
                }
                if (TOOLS.contains(tool)) {
                    // One JVM that makes the no-op call once, as an application start does; then one that repeats it.
                    double[] start = runTool(tool, folder, url, 1);
                    double[] repeated = runTool(tool, folder, url, WARM_REPEATS);
                    roundTrips.put(tool, (int) repeated[3]);
                    if (counted) {
                        record("no-op start, in-process", tool, start[0]);
                        record("no-op start, whole JVM", tool, start[1]);
                        record("no-op, calls 2-11", tool, repeated[2]);
                        record("no-op, calls 12-31", tool, repeated[4]);
                    }
                }
            }
            List<String> bootOrder = new ArrayList<>(TOOLS);
            java.util.Collections.rotate(bootOrder, round);
            for (String tool : bootOrder) {
                double[] start = bootStart(tool, folder, bootDatabases.get(tool));
                if (counted) {
                    record("boot start, 100 applied", tool.equals("liquibase") ? "none" : tool, start[0]);
                    record("boot start, whole JVM", tool.equals("liquibase") ? "none" : tool, start[1]);
                }
            }
            double floor = BenchDatabase.psql(folder.resolve("all.sql"), BenchDatabase.fresh("migrate_bench_psql"),
                    true);
            double floorEach = BenchDatabase.psql(folder.resolve("all-each.sql"),
                    BenchDatabase.fresh("migrate_bench_psql"), false);
            if (counted) {
                record("apply " + revisions + ", in-process", "psql -1 -f", floor);
                record("apply " + revisions + ", whole JVM", "psql -1 -f", floor);
                record("apply " + revisions + ", in-process", "psql, tx each", floorEach);
                record("apply " + revisions + ", whole JVM", "psql, tx each", floorEach);
            }
        }
        print();
        System.out.println();
        System.out.println("round trips of a no-op run with " + revisions + " applied: " + roundTrips);
        printTargets(revisions);
    }

    /** The targets of the tool comparison, against this run's medians. */
    private void printTargets(int revisions) {
        String apply = "apply " + revisions + ", in-process|";
        String noOp = "no-op start, in-process|";
        System.out.println();
        target("no-op start, in-process: at most 0.2x Flyway's", median(noOp + "migrate") / median(noOp + "flyway"), 0.2);
        target("no-op start, in-process: at most 0.2x Liquibase's",
                median(noOp + "migrate") / median(noOp + "liquibase"), 0.2);
        target("apply, per revision: no slower than Flyway", median(apply + "migrate") / median(apply + "flyway"), 1);
        target("apply, one tx: no slower than Flyway's group",
                median(apply + "migrate, one tx") / median(apply + "flyway, group"), 1);
        target("apply, per revision: within 1.5x psql -1", median(apply + "migrate") / median(apply + "psql -1 -f"), 1.5);
        target("apply, one tx: within 1.5x psql -1", median(apply + "migrate, one tx") / median(apply + "psql -1 -f"), 1.5);
    }

    private static void target(String name, double ratio, double limit) {
        System.out.printf(Locale.ROOT, "target %-52s %5.2fx  %s%n", name, ratio, ratio <= limit ? "met" : "missed");
    }

    private double median(String key) {
        return median(samples.get(key));
    }

    private void record(String scenario, String tool, double millis) {
        samples.computeIfAbsent(scenario + "|" + tool, any -> new ArrayList<>()).add(millis);
    }

    private void print() {
        System.out.printf(Locale.ROOT, "%-28s %-16s %10s %12s %9s %11s %10s %12s%n", "scenario", "tool", "median ms",
                "min-max ms", "/ flyway", "/ liquibase", "/ psql -1", "/ psql each");
        Map<String, Double> medians = new LinkedHashMap<>();
        samples.forEach((key, values) -> medians.put(key, median(values)));
        samples.forEach((key, values) -> {
            String[] parts = key.split("\\|");
            String scenario = parts[0];
            double median = medians.get(key);
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-28s %-16s %10.1f %12s %9s %11s %10s %12s%n", scenario, parts[1], median,
                    String.format(Locale.ROOT, "%.0f-%.0f", sorted[0], sorted[sorted.length - 1]),
                    ratio(median, medians.get(scenario + "|flyway")), ratio(median, medians.get(scenario + "|liquibase")),
                    ratio(median, medians.get(scenario + "|psql -1 -f")),
                    ratio(median, medians.get(scenario + "|psql, tx each")));
        });
    }

    private static String ratio(double value, Double baseline) {
        return baseline == null ? "" : String.format(Locale.ROOT, "%.2fx", value / baseline);
    }

    private static double median(List<Double> values) {
        return Measurement.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Runs a tool in a new JVM; returns the call time it printed, the whole process time, and (with repeats) the
     * median warm call, the round trips of one call and the median steady call.
     */
    private static double[] runTool(String tool, Path folder, String url, int repeats)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dliquibase.analytics.enabled=false", "-Dliquibase.showBanner=false", "-Dliquibase.hub.mode=off",
                "-Dliquibase.command.showSummaryOutput=LOG",
                "-cp", System.getProperty("java.class.path"), ToolRun.class.getName(), tool, folder.toString(), url, String.valueOf(repeats)));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        double wall = (System.nanoTime() - started) / 1_000_000.0;
        String last = Arrays.stream(output.split("\n")).filter(line -> line.startsWith("millis ")).findFirst().orElse(null);
        if (status != 0 || last == null) {
            throw new IllegalStateException(tool + " failed:\n" + output);
        }
        return new double[] {Double.parseDouble(last.substring(7)), wall, printed(output, "warm"),
                printed(output, "roundtrips"), printed(output, "steady")};
    }

    /** The number after {@code name } in a tool run's output, or NaN. */
    private static double printed(String output, String name) {
        return Arrays.stream(output.split("\n")).filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1))).orElse(Double.NaN);
    }

    /**
     * Starts {@link BootApp} in a new JVM: with Migrate, with Flyway, or (in the third tool's turn) with neither;
     * returns the start time it printed and the whole process time.
     */
    private static double[] bootStart(String tool, Path folder, String url) throws IOException, InterruptedException {
        Path revisions = folder.resolve("boot");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BootApp.class.getName(),
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + BenchDatabase.USER,
                "--spring.datasource.password=" + BenchDatabase.PASSWORD, "--spring.main.banner-mode=off",
                "--migrate.enabled=" + tool.equals("migrate"), "--migrate.locations=filesystem:" + revisions.resolve("migrate"),
                "--spring.flyway.enabled=" + tool.equals("flyway"),
                "--spring.flyway.locations=filesystem:" + revisions.resolve("flyway")));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        double wall = (System.nanoTime() - started) / 1_000_000.0;
        String line = Arrays.stream(output.split("\n")).filter(l -> l.startsWith("millis ")).findFirst().orElse(null);
        if (status != 0 || line == null) {
            throw new IllegalStateException("the Spring Boot start with " + tool + " failed:\n" + output);
        }
        return new double[] {Double.parseDouble(line.substring(7)), wall};
    }

    /**
     * The same DDL in each tool's format, and for psql as one script ({@code all.sql}, run with {@code -1}) and as
     * one with a transaction per revision ({@code all-each.sql}).
     */
    static void writeRevisions(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        Path migrate = Files.createDirectories(folder.resolve("migrate"));
        Path flyway = Files.createDirectories(folder.resolve("flyway"));
        Path liquibase = Files.createDirectories(folder.resolve("liquibase"));
        StringBuilder all = new StringBuilder();
        StringBuilder each = new StringBuilder();
        StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n\n");
        for (int i = 1; i <= count; i++) {
            String ddl = BenchDatabase.tableDdl(i);
            String id = String.format("%012x", i);
            String parent = i == 1 ? "" : "-- parents: " + String.format("%012x", i - 1) + "\n";
            Files.writeString(migrate.resolve(String.format("20250101_0000_%s_t%04d.sql", id, i)),
                    "-- id: " + id + "\n" + parent + "-- message: t" + i + "\n\n-- migrate:upgrade\n" + ddl);
            Files.writeString(flyway.resolve(String.format("V%d__t%04d.sql", i, i)), ddl);
            changelog.append("--changeset bench:").append(i).append("\n").append(ddl).append('\n');
            all.append(ddl);
            each.append("BEGIN;\n").append(ddl).append("COMMIT;\n");
        }
        Files.writeString(liquibase.resolve("changelog.sql"), changelog);
        Files.writeString(folder.resolve("all.sql"), all);
        Files.writeString(folder.resolve("all-each.sql"), each);
    }
}
