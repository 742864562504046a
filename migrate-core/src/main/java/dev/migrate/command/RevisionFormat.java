package dev.migrate.command;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;
import dev.migrate.script.ScriptDirectory;

/**
 * How the commands show a revision, as Alembic's {@code cmd_format} does, so that its users read the same lines:
 * {@code d4, e5 -> f6 (billing, main) (mergepoint), merge billing and network} in {@code history},
 * {@code g7 (billing, main) (head)} in {@code heads}, and the {@code Rev:}/{@code Parent:} blocks of {@code show} and
 * {@code --verbose}. Labels are those of every branch the revision is on, in alphabetical order (Alembic's order
 * follows Python's hashing and changes from run to run).
 */
final class RevisionFormat {

    private final RevisionGraph graph;

    private final ScriptDirectory scripts;

    RevisionFormat(RevisionGraph graph, ScriptDirectory scripts) {
        this.graph = graph;
        this.scripts = scripts;
    }

    /** A {@code history} line: parents, dependencies, the revision, labels, markers and message. */
    String historyLine(Revision revision, boolean current) {
        StringBuilder line = new StringBuilder(parents(revision));
        if (!revision.dependsOn().isEmpty()) {
            line.append(" (").append(String.join(", ", revision.dependsOn())).append(')');
        }
        line.append(" -> ").append(revision.id());
        labels(line, revision);
        headMarkers(line, revision);
        if (current) {
            line.append(" (current)");
        }
        treeMarkers(line, revision);
        return line.append(", ").append(revision.message()).toString();
    }

    /** As {@code heads} and the children in {@code branches} show a revision: id, labels, head marker. */
    String withLabels(Revision revision) {
        StringBuilder text = new StringBuilder(revision.id());
        labels(text, revision);
        headMarkers(text, revision);
        return text.toString();
    }

    /** As a branch point heads its block in {@code branches}: id, labels, head and tree markers. */
    String branchPoint(Revision revision) {
        StringBuilder text = new StringBuilder(withLabels(revision));
        treeMarkers(text, revision);
        return text.toString();
    }

    /** As {@code current} shows a revision: id with its head and tree markers. */
    String markers(Revision revision) {
        StringBuilder text = new StringBuilder(revision.id());
        headMarkers(text, revision);
        treeMarkers(text, revision);
        return text.toString();
    }

    /** The verbose block of {@code show} and {@code --verbose}. */
    String verbose(Revision revision, boolean current) {
        StringBuilder text = new StringBuilder("Rev: ").append(revision.id());
        if (graph.isHead(revision)) {
            text.append(" (head)");
        }
        if (graph.isBranchPoint(revision)) {
            text.append(" (branchpoint)");
        }
        if (revision.isMerge()) {
            text.append(" (mergepoint)");
        }
        if (current) {
            text.append(" (current)");
        }
        text.append('\n').append(revision.isMerge() ? "Merges: " : "Parent: ").append(parents(revision)).append('\n');
        if (!revision.dependsOn().isEmpty()) {
            text.append("Also depends on: ").append(String.join(", ", revision.dependsOn())).append('\n');
        }
        if (graph.isBranchPoint(revision)) {
            List<String> children = new ArrayList<>();
            graph.childrenOf(revision).forEach(child -> children.add(child.id()));
            text.append("Branches into: ").append(String.join(", ", children)).append('\n');
        }
        List<String> labels = graph.labelsOf(revision);
        if (!labels.isEmpty()) {
            text.append("Branch names: ").append(String.join(", ", labels)).append('\n');
        }
        text.append("Path: ").append(scripts.script(revision.id()).location()).append("\n\n");
        text.append("    ").append(revision.message()).append("\n    \n");
        text.append("    Revision ID: ").append(revision.id()).append('\n');
        text.append("    Revises: ").append(String.join(", ", revision.parents())).append('\n');
        text.append("    Create Date: ").append(revision.created() == null ? "" : revision.created()).append('\n');
        return text.toString();
    }

    private static String parents(Revision revision) {
        return revision.isBase() ? "<base>" : String.join(", ", revision.parents());
    }

    private void labels(StringBuilder text, Revision revision) {
        List<String> labels = graph.labelsOf(revision);
        if (!labels.isEmpty()) {
            text.append(" (").append(String.join(", ", labels)).append(')');
        }
    }

    /** {@code (head)} for a head nothing needs, {@code (effective head)} for one that others only depend on. */
    private void headMarkers(StringBuilder text, Revision revision) {
        if (graph.isEffectiveHead(revision)) {
            text.append(" (effective head)");
        }
        else if (graph.isHead(revision)) {
            text.append(" (head)");
        }
    }

    private void treeMarkers(StringBuilder text, Revision revision) {
        if (graph.isBranchPoint(revision)) {
            text.append(" (branchpoint)");
        }
        if (revision.isMerge()) {
            text.append(" (mergepoint)");
        }
    }
}
