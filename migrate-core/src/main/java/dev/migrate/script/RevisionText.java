package dev.migrate.script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a revision file, which must be UTF-8. Bytes that are not are an error naming the file and the byte,
 * never replacement characters stored in the database: a file saved as Latin-1 or UTF-16 is named as such.
 */
final class RevisionText {

    private RevisionText() {
    }

    /**
     * Decodes a revision file; a UTF-8 byte order mark is dropped.
     *
     * @throws ScriptException naming the file and the first byte that is not UTF-8 text
     */
    static String decode(String location, byte[] bytes) {
        String encoding = byteOrderMark(bytes);
        if (encoding != null) {
            throw new ScriptException(location + " is " + encoding + " (it starts with that byte order mark); revision "
                    + "files are UTF-8: save it as UTF-8.");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        // The JDK's own decoding is fast; it only replaces what it cannot read, so the strict look is only needed then.
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            requireUtf8(location, bytes, start);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int offset = indexOfNul(bytes);
            throw new ScriptException(location + " holds a NUL byte at offset " + offset + " (line " + line(bytes, offset)
                    + ")" + (looksLikeUtf16(bytes) ? ": it looks like UTF-16 without a byte order mark" : "")
                    + "; revision files are UTF-8 text: save it as UTF-8.");
        }
        return text;
    }

    private static void requireUtf8(String location, byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        if (result.isError()) {
            int offset = in.position();
            throw new ScriptException(location + " is not valid UTF-8: byte 0x" + String.format("%02X",
                    bytes[offset] & 0xff) + " at offset " + offset + " (line " + line(bytes, offset) + ") does not "
                    + "begin or continue a UTF-8 character. It was probably saved as Latin-1 or Windows-1252: save it as "
                    + "UTF-8.");
        }
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String byteOrderMark(byte[] bytes) {
        int b0 = bytes.length > 0 ? bytes[0] & 0xff : -1;
        int b1 = bytes.length > 1 ? bytes[1] & 0xff : -1;
        boolean utf32le = bytes.length >= 4 && b0 == 0xFF && b1 == 0xFE && bytes[2] == 0 && bytes[3] == 0;
        boolean utf32be = bytes.length >= 4 && b0 == 0 && b1 == 0 && (bytes[2] & 0xff) == 0xFE
                && (bytes[3] & 0xff) == 0xFF;
        if (utf32le || utf32be) {
            return "UTF-32" + (utf32le ? "LE" : "BE");
        }
        if (b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF) {
            return "UTF-16" + (b0 == 0xFF ? "LE" : "BE");
        }
        return null;
    }

    /** ASCII text in UTF-16 has a NUL in every other byte. */
    private static boolean looksLikeUtf16(byte[] bytes) {
        int evenNul = 0;
        int oddNul = 0;
        int n = Math.min(bytes.length, 200);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    evenNul++;
                }
                else {
                    oddNul++;
                }
            }
        }
        return Math.max(evenNul, oddNul) * 4 >= n;
    }

    private static int line(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
