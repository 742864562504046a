package dev.migrate.script;

import dev.migrate.op.Operations;

/**
 * A revision written in Java. Implementations live in the revisions package (by default {@code db.revisions}),
 * carry their identity in {@link RevisionInfo}, and have a public no-argument constructor.
 *
 * <pre>{@code
 * @RevisionInfo(id = "ae1027a6acf0", parents = {}, message = "create users")
 * public class R20261128_0400_ae1027a6acf0_create_users implements JavaRevision {
 *     public void upgrade(Operations op) {
 *         op.createTable("users", column("id", uuid()).primaryKey(), column("email", string(255)).notNull());
 *     }
 *     public void downgrade(Operations op) {
 *         op.dropTable("users");
 *     }
 * }
 * }</pre>
 */
public interface JavaRevision {

    /** Records the operations that apply this revision. */
    void upgrade(Operations op);

    /** Records the operations that undo {@link #upgrade}, in reverse order. */
    void downgrade(Operations op);
}
