package dev.migrate.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

import dev.migrate.MigrateException;

/**
 * The connection handed to a revision's Java code. Closing it is refused, and so is ending the transaction of a
 * transactional revision: that would commit half a revision behind the runner's back.
 */
final class GuardedConnection {

    /** Savepoints stay allowed: they cannot end the transaction. */
    private static final Set<String> TRANSACTION_CONTROL = Set.of("commit", "rollback", "setAutoCommit");

    private GuardedConnection() {
    }

    static Connection wrap(Connection connection, boolean transactional) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("close")) {
                        throw new MigrateException("A revision must not close the connection it is given; the runner "
                                + "closes it after the run.");
                    }
                    if (transactional && TRANSACTION_CONTROL.contains(name) && !(name.equals("rollback") && args != null)) {
                        throw new MigrateException("A transactional revision must not call Connection." + name
                                + "(): the runner commits the revision together with its version-table update. Mark "
                                + "the revision non-transactional to control commits yourself.");
                    }
                    try {
                        return method.invoke(connection, args);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }
}
