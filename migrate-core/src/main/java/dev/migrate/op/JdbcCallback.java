package dev.migrate.op;

import java.sql.Connection;
import java.sql.SQLException;

/** Java code that a revision runs against its connection, inside the revision's transaction where there is one. */
@FunctionalInterface
public interface JdbcCallback {

    void run(Connection connection) throws SQLException;
}
