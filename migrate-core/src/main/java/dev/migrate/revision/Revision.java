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

    /** The longest revision id: the width of the state tables' revision columns. */
    public static final int MAX_ID_LENGTH = 64;

    /**
     * Why {@code id} cannot be a revision id, or {@code null} when it can: as for {@link #problemWithName}, and at
     * most {@value #MAX_ID_LENGTH} characters, the width of the version table's column.
     */
    public static String problemWithId(String id) {
        String problem = problemWithName(id);
        if (problem == null && id.length() > MAX_ID_LENGTH) {
            return "it is " + id.length() + " characters long, and the version table holds at most " + MAX_ID_LENGTH;
        }
        return problem;
    }

    /**
     * Why {@code name} cannot be used as a revision id or branch label, or {@code null} when it can. The characters
     * {@code @ - + :} are refused because the target grammar uses them; whitespace of any kind, control and invisible
     * characters because a reader could not see them; and {@code / \ < > " | ? *} and {@code ..} because ids
     * become parts of file names.
     */
    public static String problemWithName(String name) {
        if (name == null || name.isEmpty()) {
            return "it is empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '@' || c == '+' || c == ':' || c == '-') {
                return "it contains '" + c + "'; the characters '@', '-', '+' and ':' are reserved by the target grammar";
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                return "it contains whitespace or an invisible character (" + String.format("U+%04X", (int) c) + ")";
            }
            if ("/\\<>\"|?*".indexOf(c) >= 0) {
                return "it contains '" + c + "', which cannot be part of a file name";
            }
        }
        if (name.contains("..")) {
            return "it contains '..', which cannot be part of a file name";
        }
        if (name.equals("head") || name.equals("heads") || name.equals("base") || name.equals("current")) {
            return "'" + name + "' is a reserved word of the target grammar";
        }
        return null;
    }
}
