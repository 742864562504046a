package dev.migrate.lint;

import java.util.List;

import dev.migrate.op.Operation;
import dev.migrate.revision.Revision;
import dev.migrate.script.RevisionScript;

/** A revision that is not written yet, as its operations, so that it can be linted before it is (autogenerate). */
public record OperationsScript(Revision revision, boolean transactional, List<Operation> upgrade)
        implements RevisionScript {

    @Override
    public String location() {
        return "revision " + revision.id() + " (not written yet)";
    }

    @Override
    public List<Operation> downgrade() {
        return List.of();
    }

    @Override
    public String checksum() {
        return "";
    }
}
