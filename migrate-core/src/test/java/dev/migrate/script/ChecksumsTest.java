package dev.migrate.script;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import dev.migrate.op.Operations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java revision's checksum is the CRC-32 of the canonical text of the operations it records. That text is stored
 * in no database but its checksum is: changing how it is written would mark every applied Java revision as edited.
 */
class ChecksumsTest {

    @Test
    void bulkInsertsAndStatementsAreChecksummedByTheirRowsAndParameters() {
        Operations op = new Operations();
        op.bulkInsert("users", List.of("id", "email"), List.of(List.of(1, "a@example.com"),
                List.of(2, new byte[] {0x01, (byte) 0xff})));
        op.execute("DELETE FROM users WHERE id = ?", 7);

        String canonical = "BulkInsert[null,users,[id, email],(1,a@example.com);(2,01ff)]\n"
                + "Execute[DELETE FROM users WHERE id = ?,(7)]\n";
        assertThat(Checksums.ofOperations(op.recorded())).isEqualTo(crc32(canonical));
    }

    @Test
    void whereAStatementWasWrittenIsNotPartOfItsChecksum() {
        Operations here = new Operations();
        here.execute("UPDATE users SET active = true");
        Operations there = new Operations();
        there.execute("UPDATE users SET active = true");

        assertThat(here.recorded()).isNotEqualTo(List.of());
        assertThat(Checksums.ofOperations(here.recorded())).isEqualTo(Checksums.ofOperations(there.recorded()))
                .isNotEqualTo(Checksums.ofOperations(new Operations().recorded()));
    }

    private static String crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
