package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.op.Operation;

/**
 * The implicit casts Hibernate's DDL makes between each of its named enum types and {@code character varying}, both
 * ways, so that text compares with the type as it does with a string column. A type made by a revision needs them
 * too, or the application would meet another schema than the one Hibernate would build; and a type holding them
 * cannot be dropped until they are.
 */
final class VarcharCasts {

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

    /** A name as PostgreSQL quotes it: enum types are PostgreSQL's. */
    static String quoted(String type) {
        return "\"" + type.replace("\"", "\"\"") + "\"";
    }

    private static Operation execute(String sql) {
        return new Operation.Execute(sql, List.of(), null);
    }
}
