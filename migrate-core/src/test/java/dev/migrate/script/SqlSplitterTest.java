package dev.migrate.script;

import org.junit.jupiter.api.Test;

import dev.migrate.script.SqlSplitter.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlSplitterTest {

    @Test
    void splitsAtSemicolonsAndKeepsStartingLines() {
        assertThat(SqlSplitter.split("CREATE TABLE a (id int);\n\nCREATE TABLE b (id int);\nSELECT 1"))
                .containsExactly(new Statement("CREATE TABLE a (id int)", 1), new Statement("CREATE TABLE b (id int)", 3),
                        new Statement("SELECT 1", 4));
    }

    @Test
    void semicolonsInsideLiteralsIdentifiersAndCommentsDoNotSplit() {
        assertThat(SqlSplitter.split("INSERT INTO \"a;b\" VALUES ('x;y', 'it''s;');\n-- a; comment\n"
                + "/* block; /* nested; */ still; */ SELECT E'back\\'slash;';"))
                .extracting(Statement::sql)
                .containsExactly("INSERT INTO \"a;b\" VALUES ('x;y', 'it''s;')",
                        "SELECT E'back\\'slash;'");
    }

    @Test
    void dollarQuotedBodiesStayWhole() {
        String function = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql";
        assertThat(SqlSplitter.split(function + ";\nSELECT $$a;b$$, $1;"))
                .extracting(Statement::sql).containsExactly(function, "SELECT $$a;b$$, $1");
    }

    @Test
    void commentOnlyScriptsHaveNoStatements() {
        assertThat(SqlSplitter.split("-- nothing here;\n/* nor; here */\n;\n")).isEmpty();
    }

    @Test
    void aLeadingCommentDoesNotMoveTheStartingLine() {
        assertThat(SqlSplitter.split("-- fill it\nUPDATE t SET a = 1;")).containsExactly(new Statement("UPDATE t SET a = 1", 2));
    }

    @Test
    void aBeginAtomicBodyKeepsItsSemicolons() {
        String function = "CREATE OR REPLACE FUNCTION total(a int, b int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                + "  SELECT CASE WHEN a > b THEN a ELSE b END;\n  SELECT a + b;\nEND";
        String procedure = "CREATE PROCEDURE touch() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END";
        assertThat(SqlSplitter.split(function + ";\n" + procedure + ";\nSELECT 1;"))
                .extracting(Statement::sql).containsExactly(function, procedure, "SELECT 1");
    }

    @Test
    void beginAndEndOutsideARoutineDefinitionAreOrdinaryStatements() {
        assertThat(SqlSplitter.split("BEGIN; SELECT 1; END;")).extracting(Statement::sql)
                .containsExactly("BEGIN", "SELECT 1", "END");
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplit() {
        String rule = "CREATE RULE log_insert AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); "
                + "INSERT INTO log VALUES (2))";
        assertThat(SqlSplitter.split(rule + ";SELECT 2")).extracting(Statement::sql).containsExactly(rule, "SELECT 2");
    }

    @Test
    void everyKindOfLiteralIsReadToItsEnd() {
        assertThat(SqlSplitter.split("SELECT U&'d\\0061t;a', U&\"d;\"\"x\", B'10;', X'1F', N'n;''n', "
                + "E'a\\\\;', typE'x;'; SELECT 2"))
                .extracting(Statement::sql)
                .containsExactly("SELECT U&'d\\0061t;a', U&\"d;\"\"x\", B'10;', X'1F', N'n;''n', E'a\\\\;', typE'x;'",
                        "SELECT 2");
    }

    @Test
    void statementsKnowTheirPlaceInTheText() {
        String script = "-- first\nSELECT 1 ;\n/* c */ SELECT 2";
        assertThat(SqlSplitter.split(script)).extracting(st -> script.substring(st.start(), st.end()))
                .containsExactly("SELECT 1 ;", "SELECT 2");
    }

    @Test
    void anUnclosedCommentQuoteOrBodyIsAnErrorNamingItsLine() {
        assertSplitError("SELECT 1;\n/* not closed\nSELECT 2;\nSELECT 3;", 2, "a block comment (/*) that is never closed");
        assertSplitError("SELECT 1;\n\nINSERT INTO t VALUES ('open);\nSELECT 2;", 3,
                "a string literal (') that is never closed");
        assertSplitError("SELECT E'it\\'s;", 1, "a string literal (') that is never closed");
        assertSplitError("SELECT \"open;", 1, "a quoted identifier (\") that is never closed");
        assertSplitError("\nDO $body$ BEGIN NULL; END $bdy$;", 2, "a dollar-quoted body ($body$) that is never closed");
        assertSplitError("/* a /* nested */ comment left open; SELECT 1;", 1, "a block comment (/*) that is never closed");
    }

    @Test
    void copyThroughTheClientAndPsqlMetaCommandsAreRefused() {
        assertSplitError("SELECT 1;\nCOPY t (a, b) FROM stdin;\n1\t2\n\\.\n", 2,
                "COPY ... FROM STDIN exchanges its rows with the client (psql sends or prints the lines next to it), "
                        + "which a migration cannot do; insert rows with op.bulkInsert or INSERT statements, or COPY "
                        + "from or to a file on the server");
        assertSplitError("COPY (SELECT 1) TO STDOUT;", 1, "COPY ... TO STDOUT exchanges its rows with the client "
                + "(psql sends or prints the lines next to it), which a migration cannot do; insert rows with "
                + "op.bulkInsert or INSERT statements, or COPY from or to a file on the server");
        assertThat(SqlSplitter.split("COPY t FROM '/srv/t.csv' (FORMAT csv);")).hasSize(1);
        assertSplitError("SELECT 1;\n\\set ON_ERROR_STOP on\n", 2, "a backslash outside a quoted string: psql "
                + "meta-commands such as \\copy, \\set or \\i are not SQL, and Migrate sends each statement to the "
                + "server as it is");
    }

    private static void assertSplitError(String script, int line, String message) {
        assertThatThrownBy(() -> SqlSplitter.split(script))
                .isInstanceOf(SqlSplitter.SplitException.class)
                .hasMessage(message)
                .satisfies(ex -> assertThat(((SqlSplitter.SplitException) ex).line()).isEqualTo(line));
    }
}
