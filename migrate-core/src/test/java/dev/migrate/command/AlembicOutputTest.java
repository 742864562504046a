package dev.migrate.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrate's commands against what the real Alembic (1.8.1) printed for the same graph, recorded command by command
 * in {@code alembic-1.8.1-graph-d.txt}: every read-only command's whole output, and the key phrase of every error.
 *
 * <p>What is normalised, and why: file paths and create dates (the files differ); the database's URL; the order of
 * labels and of {@code Branches into:} (Alembic's follows Python's hashing and changes from run to run; Migrate sorts
 * them); the order of lines and blocks (the same, for {@code current} and {@code branches}; for {@code history}, any
 * newest-first order is one, and Migrate's planner tests check its order).
 */
class AlembicOutputTest {

    /** Where Migrate differs from Alembic on purpose, each with the reason (the README's "For Alembic users"). */
    static final Map<String, String> DELIBERATE = Map.of(
            "downgrade -1 | rows f6", "one step down from a merge undoes the merge; Alembic calls the walk ambiguous",
            "downgrade -2 | rows g7", "the last step down lands on the merge's parents, as one step from a merge does",
            "downgrade f6-1 | rows g7", "one step down from a merge names both its parents",
            "history -r x9:g7 | rows d4,e5", "Alembic 1.8.1 fails with an AssertionError on this range",
            "history --rev-range=-2: | rows d4,e5", "Alembic 1.8.1 cannot resolve a relative start without a database",
            "history -r -2: | rows d4,e5", "argparse reads -2: as an option (Alembic's own quirk)");

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    static Migrate migrate;

    static TestRevision revision(String id, String parent, String message) {
        return TestRevision.of(id, parent, op -> { }, op -> { }).withMessage(message);
    }

    @BeforeAll
    static void graphD() {
        migrate = Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(
                revision("a1", null, "initial schema").withBranchLabels("main"),
                revision("b2", "a1", "add users"),
                revision("c3", "b2", "add sessions"),
                revision("d4", "b2", "add invoices").withBranchLabels("billing"),
                revision("e5", "b2", "add hosts").withBranchLabels("network"),
                revision("f6", null, "merge billing and network").withParents("d4", "e5"),
                revision("g7", "f6", "add report links").withDependsOn("x9"),
                revision("x9", null, "reports root").withBranchLabels("reports")))).build();
    }

    record Recorded(String command, List<String> rows, int exit, String output) {

        String key() {
            return command + " | rows " + (rows.isEmpty() ? "-" : String.join(",", rows));
        }
    }

    @Test
    void everyCommandPrintsWhatAlembicPrintsOrItsErrorsKeyPhrase() throws Exception {
        int compared = 0;
        for (Recorded recorded : recorded()) {
            if (DELIBERATE.containsKey(recorded.key())) {
                continue;
            }
            migrate.ensureStateTables();
            db.execute("DELETE FROM migrate_version");
            for (String row : recorded.rows()) {
                db.execute("INSERT INTO migrate_version VALUES ('" + row + "')");
            }
            CommandResult result = new Commands(migrate, null).run(recorded.command());
            if (recorded.exit() != 0) {
                String phrase = recorded.output().replaceFirst("^FAILED: ", "").split(";")[0];
                assertThat(result.exitCode()).as(recorded.key()).isNotZero();
                assertThat(result.output()).as(recorded.key()).startsWith("FAILED: " + phrase);
            }
            else {
                assertThat(result.exitCode()).as(recorded.key() + ": " + result.output()).isZero();
                assertThat(normalize(result.output())).as(recorded.key()).isEqualTo(normalize(recorded.output()));
            }
            compared++;
        }
        assertThat(compared).isEqualTo(recorded().size() - DELIBERATE.size());
    }

    static List<Recorded> recorded() throws IOException {
        String text;
        try (InputStream in = AlembicOutputTest.class.getResourceAsStream("alembic-1.8.1-graph-d.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Recorded> entries = new ArrayList<>();
        Matcher header = Pattern.compile("(?m)^@@@ (.*) \\| rows (\\S+) \\| exit (\\d+)$").matcher(text);
        List<int[]> bounds = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (header.find()) {
            bounds.add(new int[] {header.start(), header.end()});
            heads.add(new String[] {header.group(1), header.group(2), header.group(3)});
        }
        for (int i = 0; i < heads.size(); i++) {
            int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : text.length();
            String[] head = heads.get(i);
            entries.add(new Recorded(head[0], head[1].equals("-") ? List.of() : Arrays.asList(head[1].split(",")),
                    Integer.parseInt(head[2]), text.substring(bounds.get(i)[1], end).strip()));
        }
        return entries;
    }

    /** The output with what may differ (see the class comment) put in one form. */
    static String normalize(String output) {
        List<String> blocks = new ArrayList<>();
        String separated = output.strip().replaceAll("^(Current revision\\(s\\) for .*:)\n", "$1\n\n");
        for (String block : separated.split("\n\\s*\n(?=Rev: |\\S)")) {
            List<String> lines = new ArrayList<>();
            for (String line : block.split("\n")) {
                String normal = line.stripTrailing().replaceAll("^Path: .*", "Path: <path>")
                        .replaceAll("^(\\s*)Create Date:.*", "$1Create Date: <date>")
                        .replaceAll("^Current revision\\(s\\) for .*:", "Current revision(s) for <database>:");
                Matcher list = Pattern.compile("^(Branches into|Branch names): (.*)$").matcher(normal);
                if (list.matches()) {
                    normal = list.group(1) + ": " + sorted(list.group(2));
                }
                Matcher labels = Pattern.compile("^(.*?-> \\S+|\\s*-> \\S+|\\S+) \\(([^()]*, [^()]*)\\)(.*)$").matcher(normal);
                if (labels.matches()) {
                    normal = labels.group(1) + " (" + sorted(labels.group(2)) + ")" + labels.group(3);
                }
                lines.add(normal);
            }
            if (!lines.get(0).startsWith("Rev: ")) {
                lines.sort(null);
            }
            else {
                // A branch point's children, listed after its block.
                List<String> children = new ArrayList<>(lines.stream().filter(l -> l.matches("\\s+-> .*")).toList());
                children.sort(null);
                lines.removeIf(l -> l.matches("\\s+-> .*"));
                lines.addAll(children);
            }
            blocks.add(String.join("\n", lines));
        }
        blocks.sort(null);
        return String.join("\n\n", blocks);
    }

    private static String sorted(String commaList) {
        List<String> items = new ArrayList<>(Arrays.asList(commaList.split(", ")));
        items.sort(null);
        return String.join(", ", items);
    }
}
