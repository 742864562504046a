package dev.migrate.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migrate.dialect.Dialect;
import dev.migrate.schema.Schema;

/**
 * The schema the application's model wants, as autogenerate compares it with the live one. It is read on the live
 * connection, so that a model given as DDL can be built in a scratch schema beside the live one and read back by the
 * same catalog reader.
 */
@FunctionalInterface
public interface TargetSchema {

    /**
     * The wanted schema.
     *
     * @param live a connection to the database being compared (left as it was found)
     * @param dialect that database's dialect
     */
    Schema read(Connection live, Dialect dialect) throws SQLException;

    /** A model given as a schema already (tests, tools). */
    static TargetSchema of(Schema schema) {
        return (live, dialect) -> schema;
    }
}
