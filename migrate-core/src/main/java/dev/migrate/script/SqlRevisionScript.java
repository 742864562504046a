package dev.migrate.script;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * separated), {@code message}, {@code created} (ISO-8601 instant) and {@code transactional} ({@code true} or
 * {@code false}).
 */
public final class SqlRevisionScript implements RevisionScript {

    static final List<String> KEYS = List.of("id", "parents", "branch-labels", "depends-on", "message", "created",
            "transactional");

    private static final Pattern HEADER = Pattern.compile("^--\\s*([A-Za-z][A-Za-z_-]*)\\s*:(.*)$");

    private static final Pattern MARKER = Pattern.compile("^--\\s*migrate:(\\S*)\\s*$");

    private final Revision revision;

    private final boolean transactional;

    private final String location;

    private final Section upgrade;

    private final Section downgrade;

    private final String checksum;

    /** A section's text and the line of the file it starts on. */
    private record Section(String sql, int firstLine) {
    }

    private SqlRevisionScript(Revision revision, boolean transactional, String location, Section upgrade,
            Section downgrade) {
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
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
            lines[0] = lines[0].substring(1);
        }
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, Integer> headerLines = new LinkedHashMap<>();
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        Map<String, Integer> sectionLines = new LinkedHashMap<>();
        String section = null;
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            int number = index + 1;
            String trimmed = line.strip();
            Matcher marker = MARKER.matcher(trimmed);
            if (marker.matches()) {
                String name = marker.group(1);
                if (!name.equals("upgrade") && !name.equals("downgrade")) {
                    throw error(location, number, "unknown marker '-- migrate:" + name
                            + "'; the sections are '-- migrate:upgrade' and '-- migrate:downgrade'");
                }
                if (sections.containsKey(name)) {
                    throw error(location, number, "a second '-- migrate:" + name + "' section");
                }
                if (name.equals("downgrade") && !sections.containsKey("upgrade")) {
                    throw error(location, number, "'-- migrate:downgrade' comes before '-- migrate:upgrade'");
                }
                section = name;
                sections.put(name, new StringBuilder());
                sectionLines.put(name, number + 1);
                continue;
            }
            if (section != null) {
                sections.get(section).append(line).append('\n');
                continue;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            Matcher entry = HEADER.matcher(trimmed);
            if (entry.matches()) {
                String key = entry.group(1).toLowerCase(java.util.Locale.ROOT);
                if (!KEYS.contains(key)) {
                    throw error(location, number, "unknown header key '" + entry.group(1) + "'; the keys are "
                            + String.join(", ", KEYS));
                }
                if (header.containsKey(key)) {
                    throw error(location, number, "header key '" + key + "' is given twice");
                }
                header.put(key, entry.group(2).strip());
                headerLines.put(key, number);
                continue;
            }
            if (trimmed.startsWith("--")) {
                throw error(location, number, "a header line must read '-- key: value', not '" + trimmed + "'");
            }
            throw error(location, number, "SQL before '-- migrate:upgrade'; put statements in the upgrade section");
        }
        if (!header.containsKey("id")) {
            throw error(location, 1, "the header has no 'id'; start the file with '-- id: <revision id>'");
        }
        if (!sections.containsKey("upgrade")) {
            throw error(location, lines.length, "no '-- migrate:upgrade' section");
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
        Section upgrade = new Section(sections.get("upgrade").toString(), sectionLines.get("upgrade"));
        Section downgrade = sections.containsKey("downgrade")
                ? new Section(sections.get("downgrade").toString(), sectionLines.get("downgrade")) : null;
        return new SqlRevisionScript(revision, transactional, location, upgrade, downgrade);
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static ScriptException error(String location, int line, String message) {
        return new ScriptException(location + ":" + line + ": " + message + ".");
    }

    @Override
    public Revision revision() {
        return revision;
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
        for (SqlSplitter.Statement statement : SqlSplitter.split(section.sql())) {
            operations.add(new Operation.Execute(statement.sql(), List.of(),
                    location + ":" + (section.firstLine() + statement.line() - 1)));
        }
        return operations;
    }
}
