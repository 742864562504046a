package dev.migrate.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.RevisionCustomizer;
import dev.migrate.autogenerate.RevisionDirectives;
import dev.migrate.autogenerate.SafeForms;
import dev.migrate.autogenerate.SchemaComparison;
import dev.migrate.lint.Lint;
import dev.migrate.lint.OperationsScript;
import dev.migrate.op.Operation;
import dev.migrate.op.RevisionContext;
import dev.migrate.revision.Direction;
import dev.migrate.revision.HistoryEntry;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;
import dev.migrate.revision.Step;
import dev.migrate.runtime.RunResult;
import dev.migrate.script.JavaRevisionScript;
import dev.migrate.script.Location;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.RevisionWriter;

/**
 * Alembic's commands over a {@link Migrate}: {@code upgrade}, {@code downgrade}, {@code current}, {@code history},
 * {@code heads}, {@code branches}, {@code show}, {@code stamp}, {@code merge} and {@code revision}. Each returns
 * what it printed and its exit status; the Spring Boot starter runs them in place of the application.
 */
public final class Commands {

    private static final Map<String, String> ALIASES = Map.of("-m", "--message", "-r", "--rev-range", "-v",
            "--verbose", "-i", "--indicate-current", "-c", "--check-heads", "-x", "-x");

    private static final Set<String> VALUED = Set.of("--message", "--rev-range", "--head", "--branch-label",
            "--depends-on", "--rev-id", "-x", "--tag", "--version-path", "--since", "--postgres-version");

    private static final Set<String> FLAGS = Set.of("--sql", "--verbose", "--indicate-current", "--purge", "--splice",
            "--non-transactional", "--autogenerate", "--check-heads", "--resolve-dependencies", "--all");

    /** One line per command, for usage errors and {@code help}. */
    public static final String USAGE = String.join("\n",
            "usage:",
            "  upgrade [target] [--sql] [--tag <tag>] [-x key=value]...",
            "                                      bring the database up to target (default heads); --sql prints the script",
            "  downgrade <target> [--sql] [--tag <tag>] [-x key=value]...",
            "                                      bring the database down to target (-1, base, <rev>, <label>@<rev>)",
            "  current [--verbose] [--check-heads] the revisions the database is at; --check-heads fails unless at the heads",
            "  history [-r start:end] [-i] [-v]    the revisions, newest first; -i marks the database's",
            "  heads [--verbose] [--resolve-dependencies]",
            "                                      the heads of the graph; without those others only depend on",
            "  branches [--verbose]                the branch points and their branches",
            "  show <rev>                          one revision in full ('current' works)",
            "  edit <rev>                          the path of the revision's file, for an editor",
            "  ensure_version [--sql]              create the state tables when they are missing, nothing else",
            "  stamp <target> [--purge] [--sql]    set the version table without running revisions",
            "  repair                              record the new checksum of edited applied revisions",
            "  merge <revs...|heads> -m <message>  write a revision that joins heads",
            "  revision -m <message> [--autogenerate] [--head <rev>] [--splice] [--branch-label <label>]",
            "           [--depends-on <rev>]... [--rev-id <id>] [--version-path <location>] [--non-transactional]",
            "                                      write a new revision, empty or from the entity model",
            "  check                               fail when the entity model and the revisions disagree, or lint does",
            "  lint [--all] [--since <rev>] [--postgres-version <n>]",
            "                                      report what the revisions not yet applied would do to PostgreSQL "
                    + "under traffic");

    private final Migrate migrate;

    private final RevisionWriter writer;

    private final Autogenerator autogenerator;

    private final Map<String, Location> branchLocations;

    private final List<RevisionCustomizer> customizers;

    private final Lint.Options lintOptions;

    /**
     * @param writer where {@code revision} and {@code merge} write new files, or {@code null} when they cannot
     */
    public Commands(Migrate migrate, RevisionWriter writer) {
        this(migrate, writer, null);
    }

    /**
     * @param autogenerator compares the entity model with the database, for {@code revision --autogenerate} and
     *     {@code check}; {@code null} where there is no entity model
     */
    public Commands(Migrate migrate, RevisionWriter writer, Autogenerator autogenerator) {
        this(migrate, writer, autogenerator, Map.of());
    }

    /**
     * @param branchLocations where a new revision that starts a branch with this label is written (the location of
     *     its label), beside the locations revisions are read from
     */
    public Commands(Migrate migrate, RevisionWriter writer, Autogenerator autogenerator,
            Map<String, Location> branchLocations) {
        this(migrate, writer, autogenerator, branchLocations, List.of());
    }

    /**
     * @param customizers change or drop what {@code revision} is about to write, in order (Alembic's
     *     {@code process_revision_directives})
     */
    public Commands(Migrate migrate, RevisionWriter writer, Autogenerator autogenerator,
            Map<String, Location> branchLocations, List<RevisionCustomizer> customizers) {
        this(migrate, writer, autogenerator, branchLocations, customizers, Lint.Options.PENDING);
    }

    /** @param lintOptions what {@code lint} and {@code check} lint by default ({@code --since}, the version) */
    public Commands(Migrate migrate, RevisionWriter writer, Autogenerator autogenerator,
            Map<String, Location> branchLocations, List<RevisionCustomizer> customizers, Lint.Options lintOptions) {
        this.lintOptions = lintOptions;
        this.migrate = migrate;
        this.writer = writer;
        this.autogenerator = autogenerator;
        this.branchLocations = Map.copyOf(branchLocations);
        this.customizers = List.copyOf(customizers);
    }

    /** Whether a command line needs the entity model, and so must wait until the application's JPA is ready. */
    public static boolean needsEntityModel(List<String> words) {
        return !words.isEmpty() && (words.get(0).equals("check")
                || words.get(0).equals("revision") && words.contains("--autogenerate"));
    }

    /** Runs one command line, such as {@code downgrade -1} or {@code merge heads -m "join"}. */
    public CommandResult run(String commandLine) {
        try {
            return run(CommandLine.words(commandLine));
        }
        catch (CommandLine.UsageException ex) {
            return new CommandResult(CommandResult.USAGE, "error: " + ex.getMessage() + "\n" + USAGE);
        }
    }

    public CommandResult run(List<String> words) {
        try {
            CommandLine line = CommandLine.parse(commandFirst(words), ALIASES, VALUED, FLAGS);
            String output = switch (line.command()) {
                case "upgrade" -> upgrade(line);
                case "downgrade" -> downgrade(line);
                case "current" -> current(line);
                case "history" -> history(line);
                case "heads" -> heads(line);
                case "branches" -> branches(line);
                case "show" -> show(line);
                case "edit" -> edit(line);
                case "ensure_version", "ensure-version" -> ensureVersion(line);
                case "stamp" -> stamp(line);
                case "repair" -> repair(line);
                case "merge" -> merge(line);
                case "revision" -> revision(line);
                case "check" -> check(line);
                case "lint" -> lint(line);
                case "help" -> USAGE;
                default -> throw new CommandLine.UsageException("unknown command '" + line.command() + "'");
            };
            return new CommandResult(CommandResult.OK, output);
        }
        catch (ChangesDetected ex) {
            return new CommandResult(CommandResult.FAILED, ex.getMessage());
        }
        catch (CommandLine.UsageException ex) {
            return new CommandResult(CommandResult.USAGE, "error: " + ex.getMessage() + "\n" + USAGE);
        }
        catch (MigrateException ex) {
            return new CommandResult(CommandResult.FAILED, "FAILED: " + ex.getMessage());
        }
    }

    /**
     * The words with the command first: Alembic's users write {@code -x} before the command
     * ({@code -x tenant=acme upgrade heads}).
     */
    private static List<String> commandFirst(List<String> words) {
        List<String> leading = new ArrayList<>();
        int i = 0;
        while (i < words.size() && words.get(i).equals("-x") && i + 1 < words.size()) {
            leading.add(words.get(i++));
            leading.add(words.get(i++));
        }
        if (leading.isEmpty() || i >= words.size()) {
            return words;
        }
        List<String> reordered = new ArrayList<>(words.subList(i, words.size()));
        reordered.addAll(1, leading);
        return reordered;
    }

    /** The {@code -x key=value} arguments and the {@code --tag} of a command line. */
    private static RevisionContext context(CommandLine line) {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String argument : line.all("-x")) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                throw new CommandLine.UsageException("-x takes key=value, not '" + argument + "'");
            }
            arguments.put(argument.substring(0, equals), argument.substring(equals + 1));
        }
        return new RevisionContext(arguments, line.option("--tag"));
    }

    // ---- moving the database ------------------------------------------------------------------------------

    private String upgrade(CommandLine line) {
        String target = optionalSingle(line, "heads");
        if (line.flag("--sql")) {
            return migrate.upgradeSql(target, context(line));
        }
        if (target.contains(":")) {
            throw new CommandLine.UsageException("a range 'start:end' is only accepted with --sql");
        }
        return moved(migrate.upgrade(target, context(line)));
    }

    private String downgrade(CommandLine line) {
        String target = requiredSingle(line, "a target, such as -1, base or a revision id");
        if (line.flag("--sql")) {
            return migrate.downgradeSql(target, context(line));
        }
        if (target.contains(":")) {
            throw new CommandLine.UsageException("a range 'start:end' is only accepted with --sql");
        }
        return moved(migrate.downgrade(target, context(line)));
    }

    private String moved(RunResult result) {
        StringBuilder out = new StringBuilder();
        for (Step step : result.plan().steps()) {
            Revision revision = step.revision();
            String parents = String.join(", ", revision.parents());
            String arrow = step.direction() == Direction.UPGRADE ? parents + " -> " + revision.id()
                    : revision.id() + " -> " + (parents.isEmpty() ? "<base>" : parents);
            out.append("Running ").append(step.direction().label()).append(' ').append(arrow.strip()).append(", ")
                    .append(revision.message()).append('\n');
        }
        out.append(result.plan().isEmpty() ? "Nothing to do; the database is at " : "The database is at ")
                .append(rows(result.rowsAfter())).append('.');
        return out.toString();
    }

    private String stamp(CommandLine line) {
        String target = requiredSingle(line, "a target, such as heads, base or a revision id");
        if (line.flag("--sql")) {
            if (line.flag("--purge")) {
                throw new CommandLine.UsageException("--purge cannot be combined with --sql");
            }
            return migrate.stampSql(target);
        }
        RunResult result = migrate.stamp(target, line.flag("--purge"), line.option("--tag"));
        return "Stamped the version table: " + rows(result.plan().fromRows()) + " -> " + rows(result.rowsAfter()) + ".";
    }

    private String repair(CommandLine line) {
        noPositionals(line);
        if (line.flag("--sql")) {
            throw new CommandLine.UsageException("'repair' reads the history table, so it has no --sql form");
        }
        List<String> repaired = migrate.repair();
        if (repaired.isEmpty()) {
            return "Every applied revision has the checksum it was applied with; nothing to repair.";
        }
        return "Recorded the new checksum of " + repaired.size() + " edited revision(s):\n  "
                + String.join("\n  ", repaired);
    }

    // ---- looking at the graph and the database ------------------------------------------------------------

    /**
     * The branch heads of what the database has applied, as Alembic's {@code current} lists them (a revision applied
     * because another depends on it is one too); {@code --verbose} adds the database and each revision in full;
     * {@code --check-heads} fails unless every head is applied.
     */
    private String current(CommandLine line) {
        noPositionals(line);
        List<String> rows = migrate.current();
        List<Revision> current = migrate.planner().appliedHeads(rows);
        if (line.flag("--check-heads")) {
            List<String> pending = migrate.planner().upgrade(rows, "heads").revisionIds();
            if (!pending.isEmpty()) {
                throw new NotAtHeads("Target database is not up to date: it is at " + rows(rows) + ", and "
                        + String.join(", ", pending) + " of the heads' revisions are not applied. Run 'upgrade heads'.");
            }
        }
        if (line.flag("--verbose")) {
            List<String> blocks = new ArrayList<>();
            blocks.add("Current revision(s) for " + migrate.describeDatabase() + ":");
            current.forEach(revision -> blocks.add(format().verbose(revision, false)));
            return String.join("\n", blocks).strip();
        }
        return current.stream().map(revision -> format().markers(revision)).collect(Collectors.joining("\n"));
    }

    private String history(CommandLine line) {
        noPositionals(line);
        String range = line.option("--rev-range");
        boolean needsDatabase = line.flag("--indicate-current") || range != null && range.contains("current");
        List<String> rows = needsDatabase ? migrate.current() : List.of();
        boolean indicate = line.flag("--indicate-current");
        List<HistoryEntry> entries = migrate.planner().history(range, rows);
        if (line.flag("--verbose")) {
            return entries.stream().map(entry -> format().verbose(entry.revision(), indicate && entry.current()))
                    .collect(Collectors.joining("\n")).strip();
        }
        return entries.stream().map(entry -> format().historyLine(entry.revision(), indicate && entry.current()))
                .collect(Collectors.joining("\n"));
    }

    /**
     * Every head, those others only depend on marked {@code (effective head)}; {@code --resolve-dependencies} leaves
     * those out, as Alembic does.
     */
    private String heads(CommandLine line) {
        noPositionals(line);
        RevisionGraph graph = migrate.graph();
        List<Revision> heads = migrate.heads().stream()
                .filter(head -> !line.flag("--resolve-dependencies") || !graph.isEffectiveHead(head)).toList();
        if (line.flag("--verbose")) {
            return heads.stream().map(head -> format().verbose(head, false)).collect(Collectors.joining("\n")).strip();
        }
        return heads.stream().map(head -> format().withLabels(head)).collect(Collectors.joining("\n"));
    }

    private String branches(CommandLine line) {
        noPositionals(line);
        RevisionGraph graph = migrate.graph();
        List<String> out = new ArrayList<>();
        for (Revision point : graph.branchPoints()) {
            StringBuilder block = new StringBuilder(line.flag("--verbose") ? format().verbose(point, false) + "\n"
                    : format().branchPoint(point) + "\n");
            String indent = " ".repeat(point.id().length());
            for (Revision child : graph.childrenOf(point)) {
                block.append(indent).append(" -> ").append(format().withLabels(child))
                        .append(line.flag("--verbose") ? ", " + child.message() : "").append('\n');
            }
            out.add(block.toString());
        }
        return String.join("\n", out).strip();
    }

    private String show(CommandLine line) {
        String target = requiredSingle(line, "a revision, such as head, current or an id");
        List<String> rows = target.contains("current") ? migrate.current() : List.of();
        List<Revision> revisions = migrate.planner().resolve(target, rows);
        return revisions.stream().map(revision -> format().verbose(revision, false)).collect(Collectors.joining("\n"))
                .strip();
    }

    /** The files of the revisions a target names ({@code current} works), a path a line, for an editor to open. */
    private String edit(CommandLine line) {
        String target = requiredSingle(line, "a revision, such as head, current or an id");
        List<String> rows = target.contains("current") ? migrate.current() : List.of();
        List<Revision> revisions = migrate.planner().resolve(target, rows);
        if (revisions.isEmpty()) {
            throw new MigrateException("'" + target + "' names no revision, so there is no file to edit.");
        }
        return revisions.stream().map(revision -> sourceFile(migrate.scripts().script(revision.id())))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The file a revision was written in: an SQL file's path as found; a Java revision's source under the source
     * root new revisions go to (by default {@code src/main/java}); a classpath SQL file under
     * {@code src/main/resources}.
     */
    private String sourceFile(RevisionScript script) {
        String location = script.location();
        if (Files.isRegularFile(Path.of(location))) {
            return location;
        }
        if (script instanceof JavaRevisionScript) {
            Path root = writer != null && writer.format() == RevisionWriter.Format.JAVA ? writer.directory()
                    : Path.of("src/main/java");
            return root.resolve(location.replace('.', '/') + ".java").toString();
        }
        return Path.of("src/main/resources").resolve(location).toString();
    }

    /** Creates the state tables when they are missing, and nothing else (Alembic's {@code ensure_version}). */
    private String ensureVersion(CommandLine line) {
        noPositionals(line);
        if (line.flag("--sql")) {
            return migrate.ensureStateTablesSql();
        }
        return migrate.ensureStateTables() ? "Created the version table " + migrate.settings().versionTable()
                + " and the history table " + migrate.settings().historyTable() + "."
                : "The version table " + migrate.settings().versionTable() + " exists already.";
    }

    private RevisionFormat format() {
        return new RevisionFormat(migrate.graph(), migrate.scripts());
    }

    /** {@code current --check-heads} found the database behind the heads: a failing status, as Alembic's. */
    private static final class NotAtHeads extends MigrateException {

        NotAtHeads(String message) {
            super(message);
        }
    }

    // ---- autogenerate ------------------------------------------------------------------------------------

    /** {@code check} found differences: not an error of Migrate's, but a failing status. */
    private static final class ChangesDetected extends RuntimeException {

        ChangesDetected(String message) {
            super(message);
        }
    }

    private String check(CommandLine line) {
        noPositionals(line);
        List<Change> changes = autogenerator().compare();
        if (!changes.isEmpty()) {
            throw new ChangesDetected("New upgrade operations detected: the entity model and the revisions disagree.\n"
                    + Autogenerator.describe(changes) + "\nRun 'revision --autogenerate -m <message>' to write them.");
        }
        Lint.Report lint = Lint.run(migrate, lintOptions);
        if (!lint.unacknowledged().isEmpty()) {
            throw new ChangesDetected("No new upgrade operations detected, but the revisions not yet applied have "
                    + "lint hazards:\n\n" + lint.describe());
        }
        return "No new upgrade operations detected.";
    }

    /** Lints the revisions not yet applied (or all); fails while a hazard is not acknowledged. */
    private String lint(CommandLine line) {
        noPositionals(line);
        String since = line.option("--since");
        String version = line.option("--postgres-version");
        Integer major = lintOptions.postgresMajor();
        if (version != null) {
            try {
                major = Integer.parseInt(version);
            }
            catch (NumberFormatException ex) {
                throw new CommandLine.UsageException("--postgres-version takes a major version such as 15, not '"
                        + version + "'");
            }
        }
        Lint.Report report = Lint.run(migrate, new Lint.Options(since != null ? since : lintOptions.since(), major,
                line.flag("--all")));
        if (!report.unacknowledged().isEmpty()) {
            throw new ChangesDetected(report.describe());
        }
        return report.describe();
    }

    private Autogenerator autogenerator() {
        if (autogenerator == null) {
            throw new MigrateException("Autogenerate needs the application's entity model (JPA/Hibernate), and this "
                    + "application has none.");
        }
        return autogenerator;
    }

    // ---- writing revisions --------------------------------------------------------------------------------

    private String revision(CommandLine line) {
        noPositionals(line);
        String message = requiredOption(line, "--message", "-m <message>");
        RevisionGraph graph = migrate.graph();
        List<Change> changes = List.of();
        if (line.flag("--autogenerate")) {
            changes = autogenerator().compare();
            if (changes.isEmpty()) {
                return "No changes in schema detected; no revision written.";
            }
        }
        List<String> parents;
        String head = line.option("--head");
        if ("base".equals(head)) {
            parents = List.of();
        }
        else if (head == null && graph.size() == 0) {
            parents = List.of();
        }
        else if (head == null && migrate.planner().resolve("heads", List.of()).size() > 1) {
            throw new MigrateException("Multiple heads are present (" + ids(migrate.planner().resolve("heads",
                    List.of())) + "); name the head the new revision follows with --head, or join them first with "
                    + "'merge heads -m <message>'.");
        }
        else {
            List<Revision> resolved = migrate.planner().resolve(head == null ? "head" : head, List.of());
            for (Revision revision : resolved) {
                if (!graph.isHead(revision) && !line.flag("--splice")) {
                    throw new MigrateException("Revision " + revision.id() + " is not a head revision; use --splice "
                            + "to start a new branch from it.");
                }
            }
            parents = resolved.stream().map(Revision::id).toList();
        }
        return write(line, message, parents, changes);
    }

    private String merge(CommandLine line) {
        String message = requiredOption(line, "--message", "-m <message>");
        if (line.positionals().isEmpty()) {
            throw new CommandLine.UsageException("merge needs the revisions to join, or 'heads'");
        }
        Set<String> parents = new LinkedHashSet<>();
        for (String target : line.positionals()) {
            migrate.planner().resolve(target, List.of()).forEach(revision -> parents.add(revision.id()));
        }
        if (parents.size() < 2) {
            throw new MigrateException("A merge joins at least two revisions; " + String.join(" ", line.positionals())
                    + " names " + (parents.isEmpty() ? "none" : "only " + String.join(", ", parents)) + ".");
        }
        return write(line, message, List.copyOf(parents), List.of());
    }

    private String write(CommandLine line, String message, List<String> parents, List<Change> changes) {
        if (writer == null) {
            throw new MigrateException("No folder to write revisions into is configured.");
        }
        RevisionGraph graph = migrate.graph();
        String id = line.option("--rev-id") != null ? line.option("--rev-id") : RevisionWriter.newId();
        String problem = Revision.problemWithId(id);
        if (problem != null) {
            throw new MigrateException("Revision id '" + id + "' is not valid: " + problem + ".");
        }
        if (graph.get(id) != null) {
            throw new MigrateException("Revision id '" + id + "' exists already (" + graph.get(id).origin() + ").");
        }
        Set<String> labels = new LinkedHashSet<>(line.all("--branch-label"));
        for (String label : labels) {
            String labelProblem = Revision.problemWithName(label);
            if (labelProblem != null) {
                throw new MigrateException("Branch label '" + label + "' is not valid: " + labelProblem + ".");
            }
            boolean taken = graph.revisions().stream().anyMatch(r -> r.branchLabels().contains(label));
            if (taken) {
                throw new MigrateException("Branch label '" + label + "' is already used.");
            }
        }
        List<String> dependsOn = new ArrayList<>();
        for (String dependency : line.all("--depends-on")) {
            migrate.planner().resolve(dependency, List.of()).forEach(revision -> dependsOn.add(revision.id()));
        }
        Revision proposed = new Revision(id, parents, labels, dependsOn, message, writer.now(), null);
        RevisionDirectives directives = new RevisionDirectives(proposed, changes, line.flag("--autogenerate"));
        customizers.forEach(customizer -> customizer.customize(directives));
        if (directives.skipped() || directives.autogenerate() && directives.changes().isEmpty()) {
            return "No revision written: a revision customizer dropped " + (directives.skipped() ? "it."
                    : "every change.");
        }
        Revision revision = directives.revision();
        changes = List.copyOf(directives.changes());
        boolean transactional = !line.flag("--non-transactional");
        SafeForms.Split split = changes.isEmpty() ? new SafeForms.Split(changes, List.of())
                : autogenerator().split(changes);
        List<Change> own = split.revision();
        List<Change> followUp = split.followUp();
        if (own.isEmpty() && !followUp.isEmpty()) {
            // Only what must run outside a transaction: the revision is the follow-up.
            own = followUp;
            followUp = List.of();
            transactional = false;
        }
        List<String> labelsUsedWhereAdded = transactional && !own.isEmpty()
                ? autogenerator().enumLabelsUsedWhereAdded(own) : List.of();
        if (!labelsUsedWhereAdded.isEmpty()) {
            transactional = false;
            own = notedOnLabelAdditions(own, "the revision is non-transactional: PostgreSQL cannot use "
                    + labelsUsedWhereAdded + " in the transaction that adds them");
        }
        if (!changes.isEmpty()) {
            own = autogenerator().withLintFindings(own, revision, transactional, List.of());
        }
        Location location = place(line, revision);
        RevisionWriter.Body body = own.isEmpty() ? RevisionWriter.Body.empty()
                : autogenerator().body(own, writer.format());
        Path file = writer.write(revision, transactional, body, location);
        StringBuilder out = new StringBuilder();
        describe(out, own);
        out.append("Generating ").append(file).append(" ... done");
        if (!followUp.isEmpty()) {
            Revision online = new Revision(RevisionWriter.newId(), List.of(revision.id()), Set.of(), List.of(),
                    revision.message() + " (online part)", writer.now(), null);
            followUp = autogenerator().withLintFindings(followUp, online, false, List.of(new OperationsScript(revision,
                    transactional, SchemaComparison.upgrade(own))));
            Path second = writer.write(online, false, autogenerator().body(followUp, writer.format()), location);
            out.append("\nWhat must not hold a lock on a whole table goes into a non-transactional follow-up revision, "
                    + "each statement committing on its own:\n");
            describe(out, followUp);
            out.append("Generating ").append(second).append(" ... done");
        }
        return out.toString();
    }

    /** The changes, those that add enum labels with the note added to their hints. */
    private static List<Change> notedOnLabelAdditions(List<Change> changes, String note) {
        return changes.stream().map(change -> change.upgrade().stream()
                .noneMatch(Operation.AddEnumValue.class::isInstance) ? change : new Change(change.phase(),
                        change.description(), change.upgrade(), change.downgrade(),
                        change.hint() == null ? note : change.hint() + "; " + note)).toList();
    }

    private static void describe(StringBuilder out, List<Change> changes) {
        for (Change change : changes) {
            out.append("Detected ").append(change.description()).append('\n');
            if (change.hint() != null) {
                out.append("    note: ").append(change.hint()).append('\n');
            }
        }
    }

    /**
     * Where a new revision goes, as in Alembic: the location {@code --version-path} names (one the revisions are read
     * from); else the location of a label it starts ({@code migrate.revisions.branch-locations}); else the location
     * its parent was found in; else the default of the settings ({@code null}).
     */
    private Location place(CommandLine line, Revision revision) {
        String versionPath = line.option("--version-path");
        if (versionPath != null) {
            Location named = Location.parse(versionPath);
            if (!migrate.scripts().locations().contains(named)) {
                throw new CommandLine.UsageException("--version-path must be one of the revisions locations ("
                        + migrate.scripts().locations().stream().map(Location::toString).collect(Collectors.joining(", "))
                        + "), not " + versionPath);
            }
            return named;
        }
        for (String label : revision.branchLabels()) {
            if (branchLocations.containsKey(label)) {
                return branchLocations.get(label);
            }
        }
        for (String parent : revision.parents()) {
            Location parentLocation = migrate.scripts().locationOf(parent);
            if (parentLocation != null) {
                return parentLocation;
            }
        }
        return null;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static String optionalSingle(CommandLine line, String fallback) {
        if (line.positionals().size() > 1) {
            throw new CommandLine.UsageException("'" + line.command() + "' takes one target, not "
                    + String.join(" ", line.positionals()));
        }
        return line.positionals().isEmpty() ? fallback : line.positionals().get(0);
    }

    private static String requiredSingle(CommandLine line, String what) {
        if (line.positionals().isEmpty()) {
            throw new CommandLine.UsageException("'" + line.command() + "' needs " + what);
        }
        return optionalSingle(line, null);
    }

    private static String requiredOption(CommandLine line, String option, String form) {
        String value = line.option(option);
        if (value == null || value.isBlank()) {
            throw new CommandLine.UsageException("'" + line.command() + "' needs " + form);
        }
        return value;
    }

    private static void noPositionals(CommandLine line) {
        if (!line.positionals().isEmpty()) {
            throw new CommandLine.UsageException("'" + line.command() + "' takes no argument "
                    + String.join(" ", line.positionals()));
        }
    }

    private static String rows(List<String> rows) {
        return rows.isEmpty() ? "base" : String.join(", ", rows);
    }

    private static String ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).collect(Collectors.joining(", "));
    }
}
