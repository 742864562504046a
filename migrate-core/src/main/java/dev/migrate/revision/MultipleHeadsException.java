package dev.migrate.revision;

import java.util.List;

/**
 * {@code head} (or a command that needs a single head) met a graph with several heads.
 */
public class MultipleHeadsException extends ResolutionException {

    private final List<String> heads;

    public MultipleHeadsException(String argument, List<String> heads) {
        super("Multiple head revisions are present for given argument '" + argument + "': "
                + ResolutionException.join(heads) + ". Name one of them, use '<label>@head' to narrow to one branch, "
                + "use 'heads' for all heads, or join them with 'merge heads -m \"<message>\"'.");
        this.heads = List.copyOf(heads);
    }

    public List<String> heads() {
        return heads;
    }
}
