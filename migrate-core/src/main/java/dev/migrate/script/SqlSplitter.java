package dev.migrate.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an SQL script into statements where {@code psql} does: at semicolons outside string literals (plain,
 * {@code E'...'}, {@code U&'...'}, bit strings), quoted identifiers, dollar-quoted bodies, comments (nested block
 * comments included), parentheses, and the {@code BEGIN ... END} body of a {@code CREATE FUNCTION} or
 * {@code CREATE PROCEDURE} ({@code BEGIN ATOMIC}). Each statement runs, and fails, on its own, with the line it
 * starts on.
 *
 * <p>Nothing is ever dropped or guessed: a quote, identifier, dollar quote or comment left open, a psql
 * meta-command (a backslash outside quotes), and {@code COPY ... FROM STDIN} (whose data psql sends from the lines
 * after it) are errors that name the line, never statements cut short.
 *
 * <p>Plain literals are read with {@code standard_conforming_strings} on (PostgreSQL's default since 9.1), where a
 * backslash is an ordinary character; the runner refuses SQL files on a server where it is off.
 */
public final class SqlSplitter {

    /**
     * One statement of a script.
     *
     * @param sql the statement as it runs: without the comments before it, its terminating semicolon, or surrounding
     *     whitespace
     * @param line the line it starts on, counted from 1 within the text given
     * @param start where it starts in the text given (its first character that is not whitespace or a comment)
     * @param end where it ends in the text given: after its semicolon, or at the end of the text
     */
    public record Statement(String sql, int line, int start, int end) {

        /** A statement whose place in the text does not matter (tests, generated text). */
        public Statement(String sql, int line) {
            this(sql, line, -1, -1);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Statement that && sql.equals(that.sql) && line == that.line;
        }

        @Override
        public int hashCode() {
            return sql.hashCode() * 31 + line;
        }
    }

    /** A script that cannot be split without guessing; the message says what and where. */
    public static final class SplitException extends RuntimeException {

        private final int line;

        SplitException(int line, String message) {
            super(message);
            this.line = line;
        }

        /** The line, counted from 1 within the text given, where the problem starts. */
        public int line() {
            return line;
        }
    }

    private SqlSplitter() {
    }

    /**
     * The statements of a script, in order.
     *
     * @throws SplitException when a quote, identifier, dollar quote or comment is never closed, or the script holds
     *     something that is not SQL for the server (a psql meta-command, {@code COPY} data from the client)
     */
    public static List<Statement> split(String script) {
        return new Lexer(script).statements();
    }

    /**
     * Where the {@code ?} characters of one statement are that are not inside a literal, identifier, comment or
     * dollar-quoted body: the parameter markers a JDBC driver binds (two in a row are the driver's escape for one).
     */
    public static List<Integer> questionMarks(String statement) {
        Lexer lexer = new Lexer(statement);
        lexer.statements();
        return lexer.questionMarks;
    }

    /**
     * The script with the whitespace and comments between its tokens left out, literals, quoted identifiers and
     * dollar-quoted bodies kept exactly: two scripts with the same result differ only in layout, which is all a
     * formatter may change.
     *
     * @throws SplitException as {@link #split} does
     */
    public static String withoutLayout(String script) {
        Lexer lexer = new Lexer(script);
        lexer.statements();
        return lexer.tokens.toString();
    }

    /** One pass over the text, statement by statement, with psql's rules for where a statement ends. */
    private static final class Lexer {

        private final String text;

        private final int length;

        private final List<Statement> statements = new ArrayList<>();

        private final List<Integer> questionMarks = new ArrayList<>();

        /** The text of every token read, without the whitespace and comments between them. */
        private final StringBuilder tokens = new StringBuilder();

        /** Where the last token read ends. */
        private int tokenEnd;

        private int at;

        private int line = 1;

        // The statement under way.
        private int start = -1;

        private int startLine;

        private int parenDepth;

        private int beginDepth;

        private int words;

        /** The first letters of the statement's first four words, when they are among CREATE OR REPLACE FUNCTION/PROCEDURE. */
        private final char[] leadingWords = new char[4];

        private String firstWord;

        private String previousWord;

        private int copyLine = -1;

        private String copyStream;

        Lexer(String text) {
            this.text = text;
            this.length = text.length();
        }

        List<Statement> statements() {
            while (at < length) {
                char c = text.charAt(at);
                char next = at + 1 < length ? text.charAt(at + 1) : '\0';
                if (c == '\n') {
                    line++;
                    at++;
                }
                else if (Character.isWhitespace(c)) {
                    at++;
                }
                else if (c == '-' && next == '-') {
                    int end = text.indexOf('\n', at);
                    at = end < 0 ? length : end;
                }
                else if (c == '/' && next == '*') {
                    blockComment();
                }
                else if (c == ';') {
                    at++;
                    tokens.append(';');
                    tokenEnd = at;
                    if (parenDepth == 0 && beginDepth == 0) {
                        endStatement(at - 1, at);
                    }
                    else {
                        begin();
                    }
                }
                else {
                    int from = at;
                    begin();
                    token(c, next);
                    keepToken(from);
                }
            }
            endStatement(length, length);
            return statements;
        }

        private void token(char c, char next) {
            if (c == '\'') {
                quoted('\'', false, "string literal");
            }
            else if (c == '"') {
                quoted('"', false, "quoted identifier");
            }
            else if ((c == 'e' || c == 'E') && next == '\'') {
                at++;
                quoted('\'', true, "string literal");
            }
            else if ("bBxXnN".indexOf(c) >= 0 && next == '\'') {
                at++;
                quoted('\'', false, "string literal");
            }
            else if ((c == 'u' || c == 'U') && next == '&' && at + 2 < length
                    && (text.charAt(at + 2) == '\'' || text.charAt(at + 2) == '"')) {
                at += 2;
                quoted(text.charAt(at), false, text.charAt(at) == '"' ? "quoted identifier" : "string literal");
            }
            else if (isIdentifierStart(c)) {
                word();
            }
            else if (c == '$') {
                dollar(next);
            }
            else if (c == '(') {
                parenDepth++;
                at++;
            }
            else if (c == ')') {
                parenDepth = Math.max(0, parenDepth - 1);
                at++;
            }
            else if (c == '\\') {
                throw new SplitException(line, "a backslash outside a quoted string: psql meta-commands such as "
                        + "\\copy, \\set or \\i are not SQL, and Migrate sends each statement to the server as it is");
            }
            else {
                if (c == '?') {
                    questionMarks.add(at);
                }
                at++;
            }
        }

        /**
         * Adds the token that ends here to {@link #tokens}, with one space before it where layout separated it from
         * the one before and removing that would join them into another token (two words, two operators).
         */
        private void keepToken(int from) {
            if (from > tokenEnd && !tokens.isEmpty()) {
                char before = tokens.charAt(tokens.length() - 1);
                char first = text.charAt(from);
                if (isIdentifierPart(before) && isIdentifierPart(first) || isOperator(before) && isOperator(first)) {
                    tokens.append(' ');
                }
            }
            tokens.append(text, from, at);
            tokenEnd = at;
        }

        private static boolean isOperator(char c) {
            return "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0;
        }

        /** Marks the start of a statement at the current position, unless one is under way. */
        private void begin() {
            if (start < 0) {
                start = at;
                startLine = line;
            }
        }

        private void endStatement(int semicolon, int end) {
            if (start >= 0) {
                if (copyLine >= 0) {
                    throw new SplitException(copyLine, "COPY ... " + copyStream + " exchanges its rows with the client "
                            + "(psql sends or prints the lines next to it), which a migration cannot do; insert rows "
                            + "with op.bulkInsert or INSERT statements, or COPY from or to a file on the server");
                }
                statements.add(new Statement(text.substring(start, semicolon).strip(), startLine, start, end));
            }
            start = -1;
            parenDepth = 0;
            beginDepth = 0;
            words = 0;
            firstWord = null;
            previousWord = null;
            copyLine = -1;
        }

        private void blockComment() {
            int from = line;
            int depth = 0;
            while (at < length) {
                char c = text.charAt(at);
                char next = at + 1 < length ? text.charAt(at + 1) : '\0';
                if (c == '/' && next == '*') {
                    depth++;
                    at += 2;
                }
                else if (c == '*' && next == '/') {
                    depth--;
                    at += 2;
                    if (depth == 0) {
                        return;
                    }
                }
                else {
                    if (c == '\n') {
                        line++;
                    }
                    at++;
                }
            }
            throw new SplitException(from, "a block comment (/*) that is never closed");
        }

        /** From an opening quote to just after its closing one; doubled quotes stand for one. */
        private void quoted(char quote, boolean backslashEscapes, String what) {
            int from = line;
            at++;
            while (at < length) {
                char c = text.charAt(at);
                if (c == '\n') {
                    line++;
                }
                if (backslashEscapes && c == '\\' && at + 1 < length) {
                    if (text.charAt(at + 1) == '\n') {
                        line++;
                    }
                    at += 2;
                    continue;
                }
                if (c == quote) {
                    if (at + 1 < length && text.charAt(at + 1) == quote) {
                        at += 2;
                        continue;
                    }
                    at++;
                    return;
                }
                at++;
            }
            throw new SplitException(from, "a " + what + " (" + quote + ") that is never closed");
        }

        /** {@code $1} (a parameter), {@code $tag$ ... $tag$} or {@code $$ ... $$}, or a lone {@code $}. */
        private void dollar(char next) {
            if (next >= '0' && next <= '9') {
                at++;
                while (at < length && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                return;
            }
            int tagEnd = at + 1;
            if (tagEnd < length && isIdentifierStart(text.charAt(tagEnd))) {
                tagEnd++;
                while (tagEnd < length && isIdentifierPart(text.charAt(tagEnd)) && text.charAt(tagEnd) != '$') {
                    tagEnd++;
                }
            }
            if (tagEnd >= length || text.charAt(tagEnd) != '$') {
                at++;
                return;
            }
            String tag = text.substring(at, tagEnd + 1);
            int close = text.indexOf(tag, tagEnd + 1);
            if (close < 0) {
                throw new SplitException(line, "a dollar-quoted body (" + tag + ") that is never closed");
            }
            line += count(text, at, close + tag.length(), '\n');
            at = close + tag.length();
        }

        /**
         * A word: a key word or a name. As psql does, the words of a statement that begins CREATE [OR REPLACE]
         * FUNCTION or PROCEDURE count BEGIN, CASE and END outside parentheses, so that a {@code BEGIN ATOMIC} body
         * keeps its semicolons.
         */
        private void word() {
            int from = at;
            while (at < length && isIdentifierPart(text.charAt(at))) {
                at++;
            }
            String word = text.substring(from, at).toLowerCase(Locale.ROOT);
            if (words == 0) {
                java.util.Arrays.fill(leadingWords, '\0');
                firstWord = word;
            }
            if (words < leadingWords.length && (word.equals("create") || word.equals("function")
                    || word.equals("procedure") || word.equals("or") || word.equals("replace"))) {
                leadingWords[words] = word.charAt(0);
            }
            words++;
            if (definesRoutine() && parenDepth == 0) {
                if (word.equals("begin")) {
                    beginDepth++;
                }
                else if (word.equals("case") && beginDepth >= 1) {
                    beginDepth++;
                }
                else if (word.equals("end") && beginDepth > 0) {
                    beginDepth--;
                }
            }
            if ("copy".equals(firstWord) && copyLine < 0 && ("from".equals(previousWord) && word.equals("stdin")
                    || "to".equals(previousWord) && word.equals("stdout"))) {
                copyLine = startLine;
                copyStream = previousWord.toUpperCase(Locale.ROOT) + " " + word.toUpperCase(Locale.ROOT);
            }
            previousWord = word;
        }

        private boolean definesRoutine() {
            return leadingWords[0] == 'c' && (leadingWords[1] == 'f' || leadingWords[1] == 'p'
                    || leadingWords[1] == 'o' && leadingWords[2] == 'r' && (leadingWords[3] == 'f' || leadingWords[3] == 'p'));
        }
    }

    /** As PostgreSQL's scanner: letters, {@code _}, and every non-ASCII character start a name. */
    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9' || c == '$';
    }

    private static int count(String text, int from, int to, char c) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }
}
