package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.op.Operation;

/**
 * One difference between the entity model and the database, with the operations that remove it and those that
 * undo them.
 *
 * @param phase where it goes in the revision (parents before children, constraints after their tables)
 * @param description one line for {@code check} and the console
 * @param upgrade operations that make the database match the model
 * @param downgrade operations that undo {@code upgrade}
 * @param hint a remark for the person reviewing the revision (a possible rename), or {@code null}
 */
public record Change(Phase phase, String description, List<Operation> upgrade, List<Operation> downgrade, String hint) {

    public Change {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }

    /** The order of changes in an upgrade; a downgrade runs them backwards. */
    public enum Phase {
        DROP_FOREIGN_KEY, DROP_CONSTRAINT, CREATE_TYPE, CREATE_SEQUENCE, CREATE_TABLE, ADD_COLUMN, ALTER_COLUMN,
        PRIMARY_KEY, TABLE_COMMENT, ADD_CONSTRAINT, ADD_FOREIGN_KEY, DROP_COLUMN, DROP_TABLE, DROP_SEQUENCE, DROP_TYPE
    }
}
