package dev.migrate.script;

import org.junit.jupiter.api.Test;

import dev.migrate.script.SqlSplitter.Statement;

import static org.assertj.core.api.Assertions.assertThat;

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
}
