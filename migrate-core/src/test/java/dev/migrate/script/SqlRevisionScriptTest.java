package dev.migrate.script;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.op.Operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlRevisionScriptTest {

    @Test
    void readsTheHeaderAndBothSections() {
        SqlRevisionScript script = SqlRevisionScript.parse("V1.sql", """
                -- id: ae1027a6acf0
                -- parents: 1975ea83b712, 27c6a30d7c24
                -- branch-labels: billing
                -- depends-on: network
                -- message: merge and index
                -- created: 2026-11-28T04:00:00Z
                -- transactional: false

                -- migrate:upgrade
                CREATE INDEX CONCURRENTLY ix ON t (a);
                -- migrate:downgrade
                DROP INDEX CONCURRENTLY ix;
                """);
        assertThat(script.revision().id()).isEqualTo("ae1027a6acf0");
        assertThat(script.revision().parents()).containsExactly("1975ea83b712", "27c6a30d7c24");
        assertThat(script.revision().branchLabels()).containsExactly("billing");
        assertThat(script.revision().dependsOn()).containsExactly("network");
        assertThat(script.revision().message()).isEqualTo("merge and index");
        assertThat(script.revision().created()).hasToString("2026-11-28T04:00:00Z");
        assertThat(script.transactional()).isFalse();
        assertThat(script.upgrade()).containsExactly(
                new Operation.Execute("CREATE INDEX CONCURRENTLY ix ON t (a)", List.of(), "V1.sql:10"));
        assertThat(script.downgrade()).extracting(op -> ((Operation.Execute) op).origin()).containsExactly("V1.sql:12");
    }

    @Test
    void aBaseNeedsOnlyAnIdAndAnUpgrade() {
        SqlRevisionScript script = SqlRevisionScript.parse("base.sql", "-- id: r1\n-- migrate:upgrade\nSELECT 1;\n");
        assertThat(script.revision().isBase()).isTrue();
        assertThat(script.transactional()).isTrue();
    }

    @Test
    void anUnknownHeaderKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> SqlRevisionScript.parse("V1.sql", "-- id: r1\n-- author: me\n-- migrate:upgrade\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessage("V1.sql:2: unknown header key 'author'; the keys are id, parents, branch-labels, "
                        + "depends-on, message, created, transactional, acknowledge.");
    }

    @Test
    void aMalformedHeaderLineIsNamedWithItsLine() {
        assertThatThrownBy(() -> SqlRevisionScript.parse("V1.sql", "-- id: r1\n\n-- just words\n-- migrate:upgrade\n"))
                .hasMessage("V1.sql:3: a header line must read '-- key: value', not '-- just words'.");
    }

    @Test
    void aMissingIdIsReported() {
        assertThatThrownBy(() -> SqlRevisionScript.parse("V1.sql", "-- message: x\n-- migrate:upgrade\nSELECT 1;"))
                .hasMessage("V1.sql:1: the header has no 'id'; start the file with '-- id: <revision id>'.");
    }

    @Test
    void aMissingUpgradeSectionIsReported() {
        assertThatThrownBy(() -> SqlRevisionScript.parse("V1.sql", "-- id: r1\n"))
                .hasMessage("V1.sql:2: no '-- migrate:upgrade' section.");
    }

    @Test
    void sqlBeforeTheUpgradeSectionIsRefused() {
        assertThatThrownBy(() -> SqlRevisionScript.parse("V1.sql", "-- id: r1\nCREATE TABLE t (id int);\n-- migrate:upgrade\n"))
                .hasMessage("V1.sql:2: SQL before '-- migrate:upgrade'; put statements in the upgrade section.");
    }

    @Test
    void unknownAndRepeatedMarkersAreRefused() {
        assertThatThrownBy(() -> SqlRevisionScript.parse("V1.sql", "-- id: r1\n-- migrate:upgrade\n-- migrate:up\n"))
                .hasMessage("V1.sql:3: unknown marker '-- migrate:up'; the sections are '-- migrate:upgrade' and "
                        + "'-- migrate:downgrade'.");
        assertThatThrownBy(() -> SqlRevisionScript.parse("V1.sql", "-- id: r1\n-- migrate:upgrade\n-- migrate:upgrade\n"))
                .hasMessage("V1.sql:3: a second '-- migrate:upgrade' section.");
    }

    @Test
    void badValuesAreNamedWithTheirLine() {
        assertThatThrownBy(() -> SqlRevisionScript.parse("V1.sql", "-- id: r1\n-- transactional: maybe\n-- migrate:upgrade\n"))
                .hasMessage("V1.sql:2: 'transactional' must be true or false, not 'maybe'.");
        assertThatThrownBy(() -> SqlRevisionScript.parse("V1.sql", "-- id: r1\n-- created: yesterday\n-- migrate:upgrade\n"))
                .hasMessage("V1.sql:2: 'created' must be an ISO-8601 instant such as 2026-11-28T04:00:00Z, not 'yesterday'.");
    }

    @Test
    void theChecksumIgnoresLineEndingsTrailingSpacesAndTheDowngrade() {
        String text = "-- id: r1\n-- migrate:upgrade\nCREATE TABLE t (id int);\n-- migrate:downgrade\nDROP TABLE t;\n";
        String same = "-- id: r1\r\n-- message: now with a message\r\n-- migrate:upgrade\r\nCREATE TABLE t (id int);   \r\n\r\n";
        String edited = "-- id: r1\n-- migrate:upgrade\nCREATE TABLE t (id bigint);\n";
        assertThat(SqlRevisionScript.parse("a", same).checksum()).isEqualTo(SqlRevisionScript.parse("a", text).checksum());
        assertThat(SqlRevisionScript.parse("a", edited).checksum()).isNotEqualTo(SqlRevisionScript.parse("a", text).checksum());
    }

    @Test
    void normalisingKeepsInnerBlankLinesAndDropsTrailingTabsAndBlankEnds() {
        assertThat(Checksums.normalize("\n  \t\nCREATE TABLE t (\t\r\n  id int\t \n\n);\n \n"))
                .isEqualTo("CREATE TABLE t (\n  id int\n\n);");
        assertThat(Checksums.ofSql("SELECT 1;")).hasSize(8).isEqualTo(Checksums.ofSql("SELECT 1;  \r\n"))
                .isNotEqualTo(Checksums.ofSql("SELECT 2;"));
    }

    @Test
    void aMarkerNeedsNoSpaceAndAnIndentedCommentStaysSql() {
        SqlRevisionScript script = SqlRevisionScript.parse("V1.sql",
                "--id:r1\n--migrate:upgrade\n  -- migrate: a comment, not a marker\nSELECT 1;\n");
        assertThat(script.revision().id()).isEqualTo("r1");
        assertThat(script.upgrade()).extracting(Object::toString).singleElement().asString().contains("SELECT 1");
    }
}
