package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.PostgresDialect;
import dev.migrate.op.Operation;

/**
 * The implicit casts Hibernate's DDL makes between each of its named enum types and {@code character varying}, both
 * ways, so that text compares with the type as it does with a string column. A type made by a revision needs them
 * too, or the application would meet another schema than the one Hibernate would build; and a type holding them
 * cannot be dropped until they are.
 */
final class VarcharCasts {

    private static final Dialect POSTGRES = new PostgresDialect();

    private VarcharCasts() {
    }

    static List<Operation> create(String type) {
        String quoted = quoted(type);
        return List.of(execute("CREATE CAST (character varying AS " + quoted + ") WITH INOUT AS IMPLICIT"),
                execute("CREATE CAST (" + quoted + " AS character varying) WITH INOUT AS IMPLICIT"));
    }

    static List<Operation> drop(String type) {
        String quoted = quoted(type);
        return List.of(execute("DROP CAST IF EXISTS (" + quoted + " AS character varying)"),
                execute("DROP CAST IF EXISTS (character varying AS " + quoted + ")"));
    }

    /** A name as PostgreSQL needs it written: enum types are PostgreSQL's, whatever dialect compares them. */
    static String quoted(String name) {
        return POSTGRES.quote(name);
    }

    private static Operation execute(String sql) {
        return new Operation.Execute(sql, List.of(), null);
    }
}
