package dev.migrate.script;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import dev.migrate.op.Operation;
import dev.migrate.revision.Revision;

/**
 * A revision written as an SQL file: a header of {@code -- key: value} lines, then an upgrade section and an
 * optional downgrade section.
 *
 * <pre>
 * -- id: ae1027a6acf0
 * -- parents: 1975ea83b712
 * -- message: create users
 *
 * -- migrate:upgrade
 * CREATE TABLE users (id uuid PRIMARY KEY);
 *
 * -- migrate:downgrade
 * DROP TABLE users;
 * </pre>
 *
 * Header keys: {@code id} (required), {@code parents}, {@code branch-labels}, {@code depends-on} (comma
 * separated), {@code message}, {@code created} (ISO-8601 instant), {@code transactional} ({@code true} or
 * {@code false}) and {@code acknowledge} (the lint hazards a person accepts, comma separated).
 */
public final class SqlRevisionScript implements RevisionScript {

    static final List<String> KEYS = List.of("id", "parents", "branch-labels", "depends-on", "message", "created",
            "transactional", "acknowledge");

    private static final String MARKER_PREFIX = "migrate:";

    private final Revision revision;

    private final boolean transactional;

    private final String location;

    private final Section upgrade;

    private final Section downgrade;

    private final String checksum;

    private final Set<String> acknowledged;

    /** A section's text and the line of the file it starts on. */
    private record Section(String sql, int firstLine) {

        static Section of(String source, int[] bounds) {
            return new Section(source.substring(bounds[0], bounds[1]), bounds[2]);
        }
    }

    private SqlRevisionScript(Revision revision, boolean transactional, String location, Section upgrade,
            Section downgrade, Set<String> acknowledged) {
        this.acknowledged = acknowledged;
        this.revision = revision;
        this.transactional = transactional;
        this.location = location;
        this.upgrade = upgrade;
        this.downgrade = downgrade;
        this.checksum = Checksums.ofSql(upgrade.sql());
    }

    /**
     * Reads a SQL revision.
     *
     * @param location the file, for messages
     * @param text the file's content
     * @throws ScriptException naming the file and line of a malformed header, an unknown key or marker, or a
     *     missing upgrade section
     */
    public static SqlRevisionScript parse(String location, String text) {
        String source = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, Integer> headerLines = new LinkedHashMap<>();
        // Sections are kept as offsets into the text: [start, end) and the line they start on.
        Map<String, int[]> sections = new LinkedHashMap<>();
        String section = null;
        int number = 0;
        int lineStart = source.startsWith("\uFEFF") ? 1 : 0;
        while (true) {
            int lineEnd = source.indexOf('\n', lineStart);
            boolean last = lineEnd < 0;
            lineEnd = last ? source.length() : lineEnd;
            number++;
            String marker = markerName(source, lineStart, lineEnd);
            if (marker != null) {
                if (!marker.equals("upgrade") && !marker.equals("downgrade")) {
                    throw error(location, number, "unknown marker '-- migrate:" + marker
                            + "'; the sections are '-- migrate:upgrade' and '-- migrate:downgrade'");
                }
                if (sections.containsKey(marker)) {
                    throw error(location, number, "a second '-- migrate:" + marker + "' section");
                }
                if (marker.equals("downgrade") && !sections.containsKey("upgrade")) {
                    throw error(location, number, "'-- migrate:downgrade' comes before '-- migrate:upgrade'");
                }
                if (section != null) {
                    sections.get(section)[1] = lineStart;
                }
                section = marker;
                int bodyStart = Math.min(lineEnd + 1, source.length());
                sections.put(marker, new int[] {bodyStart, source.length(), number + 1});
            }
            else if (section == null && skipWhitespace(source, lineStart, lineEnd) < lineEnd) {
                readHeaderLine(location, number, source.substring(lineStart, lineEnd).strip(), header, headerLines);
            }
            if (last) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        if (!header.containsKey("id")) {
            throw error(location, 1, "the header has no 'id'; start the file with '-- id: <revision id>'");
        }
        if (!sections.containsKey("upgrade")) {
            throw error(location, number, "no '-- migrate:upgrade' section");
        }
        boolean transactional = true;
        if (header.containsKey("transactional")) {
            String value = header.get("transactional");
            if (!value.equals("true") && !value.equals("false")) {
                throw error(location, headerLines.get("transactional"),
                        "'transactional' must be true or false, not '" + value + "'");
            }
            transactional = Boolean.parseBoolean(value);
        }
        Instant created = null;
        if (header.containsKey("created") && !header.get("created").isEmpty()) {
            try {
                created = Instant.parse(header.get("created"));
            }
            catch (DateTimeParseException ex) {
                throw error(location, headerLines.get("created"),
                        "'created' must be an ISO-8601 instant such as 2026-11-28T04:00:00Z, not '"
                                + header.get("created") + "'");
            }
        }
        Revision revision = new Revision(header.get("id"), list(header.get("parents")),
                new LinkedHashSet<>(list(header.get("branch-labels"))), list(header.get("depends-on")),
                header.getOrDefault("message", ""), created, location);
        Section upgrade = Section.of(source, sections.get("upgrade"));
        Section downgrade = sections.containsKey("downgrade") ? Section.of(source, sections.get("downgrade")) : null;
        return new SqlRevisionScript(revision, transactional, location, upgrade, downgrade,
                Set.copyOf(list(header.get("acknowledge"))));
    }

    /**
     * The name in a section marker line ({@code -- migrate:<name>}), or {@code null} when the line between
     * {@code start} and {@code end} is no marker. Written out by hand: every line of every revision passes here on
     * each start.
     */
    private static String markerName(String source, int start, int end) {
        int at = skipWhitespace(source, start, end);
        if (!source.startsWith("--", at)) {
            return null;
        }
        at = skipWhitespace(source, at + 2, end);
        if (!source.startsWith(MARKER_PREFIX, at)) {
            return null;
        }
        String name = source.substring(at + MARKER_PREFIX.length(), end).strip();
        return skipNonWhitespace(name, 0) == name.length() ? name : null;
    }

    /** Reads a {@code -- key: value} line of the header (given stripped) into {@code header}. */
    private static void readHeaderLine(String location, int number, String line, Map<String, String> header,
            Map<String, Integer> headerLines) {
        if (!line.startsWith("--")) {
            throw error(location, number, "SQL before '-- migrate:upgrade'; put statements in the upgrade section");
        }
        int keyStart = skipWhitespace(line, 2, line.length());
        int keyEnd = keyStart;
        while (keyEnd < line.length() && isKeyCharacter(line.charAt(keyEnd), keyEnd == keyStart)) {
            keyEnd++;
        }
        int colon = skipWhitespace(line, keyEnd, line.length());
        if (keyEnd == keyStart || colon == line.length() || line.charAt(colon) != ':') {
            throw error(location, number, "a header line must read '-- key: value', not '" + line + "'");
        }
        String written = line.substring(keyStart, keyEnd);
        String key = written.toLowerCase(java.util.Locale.ROOT);
        if (!KEYS.contains(key)) {
            throw error(location, number, "unknown header key '" + written + "'; the keys are "
                    + String.join(", ", KEYS));
        }
        if (header.containsKey(key)) {
            throw error(location, number, "header key '" + key + "' is given twice");
        }
        header.put(key, line.substring(colon + 1).strip());
        headerLines.put(key, number);
    }

    /** A letter starts a key; letters, {@code _} and {@code -} continue it. */
    private static boolean isKeyCharacter(char c, boolean first) {
        boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        return first ? letter : letter || c == '_' || c == '-';
    }

    private static int skipWhitespace(String text, int from, int end) {
        int at = from;
        while (at < end && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int skipNonWhitespace(String text, int from) {
        int at = from;
        while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** A comma-separated header value as a list, blanks dropped. */
    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                String stripped = item.strip();
                if (!stripped.isEmpty()) {
                    items.add(stripped);
                }
            }
        }
        return items;
    }

    private static ScriptException error(String location, int line, String message) {
        return new ScriptException(location + ":" + line + ": " + message + ".");
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public Set<String> acknowledgedHazards() {
        return acknowledged;
    }

    @Override
    public boolean transactional() {
        return transactional;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public List<Operation> upgrade() {
        return statements(upgrade);
    }

    @Override
    public List<Operation> downgrade() {
        if (downgrade == null) {
            throw new ScriptException("Revision '" + revision.id() + "' (" + location
                    + ") has no '-- migrate:downgrade' section, so it cannot be downgraded. Add one, or choose a "
                    + "downgrade target that does not pass through it.");
        }
        return statements(downgrade);
    }

    @Override
    public String checksum() {
        return checksum;
    }

    private List<Operation> statements(Section section) {
        List<Operation> operations = new ArrayList<>();
        List<SqlSplitter.Statement> statements;
        try {
            statements = SqlSplitter.split(section.sql());
        }
        catch (SqlSplitter.SplitException ex) {
            throw error(location, section.firstLine() + ex.line() - 1, ex.getMessage());
        }
        for (SqlSplitter.Statement statement : statements) {
            operations.add(new Operation.Execute(statement.sql(), List.of(),
                    location + ":" + (section.firstLine() + statement.line() - 1)));
        }
        return operations;
    }
}
