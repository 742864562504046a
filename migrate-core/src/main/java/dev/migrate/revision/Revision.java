package dev.migrate.revision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The identity of one revision: what the graph needs to know about it, nothing about how it runs.
 *
 * @param id the revision id; 12 lowercase hex characters when generated
 * @param parents the revisions this one follows (Alembic's {@code down_revision}); empty for a base, two or more
 *     for a merge
 * @param branchLabels labels naming the branch this revision starts or belongs to
 * @param dependsOn revisions (or branch labels) that must be applied first without being parents
 * @param message the one-line description given when the revision was created
 * @param created when the revision was created, or {@code null} when unknown
 * @param origin where the revision was defined (a file or class name), used in error messages
 */
public record Revision(String id, List<String> parents, Set<String> branchLabels, List<String> dependsOn,
        String message, Instant created, String origin) {

    public Revision {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        branchLabels = Set.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        message = message == null ? "" : message;
        origin = origin == null ? id : origin;
    }

    /** A revision with only an id and parents, as tests and simple graphs need. */
    public static Revision of(String id, String... parents) {
        return new Revision(id, List.of(parents), Set.of(), List.of(), "", null, null);
    }

    /** A copy with these branch labels. */
    public Revision withBranchLabels(String... labels) {
        return new Revision(id, parents, Set.of(labels), dependsOn, message, created, origin);
    }

    /** A copy with these dependencies. */
    public Revision withDependsOn(String... dependencies) {
        return new Revision(id, parents, branchLabels, List.of(dependencies), message, created, origin);
    }

    /** A copy with this message. */
    public Revision withMessage(String newMessage) {
        return new Revision(id, parents, branchLabels, dependsOn, newMessage, created, origin);
    }

    public boolean isBase() {
        return parents.isEmpty();
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }

    /**
     * Why {@code name} cannot be used as a revision id or branch label, or {@code null} when it can.
     * The characters {@code @ - + :} and whitespace are refused because the target grammar uses them.
     */
    public static String problemWithName(String name) {
        if (name == null || name.isEmpty()) {
            return "it is empty";
        }
        if (hasReservedCharacter(name)) {
            return "it contains one of the characters '@', '-', '+', ':' or whitespace, which the target grammar reserves";
        }
        if (name.equals("head") || name.equals("heads") || name.equals("base") || name.equals("current")) {
            return "'" + name + "' is a reserved word of the target grammar";
        }
        return null;
    }

    /** Characters that the target grammar gives a meaning to, and so may not appear in ids or labels. */
    private static boolean hasReservedCharacter(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '@' || c == '+' || c == ':' || c == '-' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
