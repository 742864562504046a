package dev.migrate.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.vertical_blank.sqlformatter.SqlFormatter;
import com.github.vertical_blank.sqlformatter.core.FormatConfig;
import com.github.vertical_blank.sqlformatter.languages.Dialect;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.MigrateException;

/**
 * Lays out the statements of a new SQL revision with sql-formatter (PostgreSQL rules), leaving its header comments
 * and section markers alone.
 *
 * <p>A formatter must change layout only. Each section is kept as written when the formatted text differs from it
 * in anything but whitespace and comments between tokens ({@link SqlSplitter#withoutLayout}): a literal, a quoted
 * name, a dollar-quoted body, a statement boundary.
 */
public final class SqlFormat implements PostWriteHook {

    private static final Logger logger = LoggerFactory.getLogger(SqlFormat.class);

    private static final String UPGRADE = "-- migrate:upgrade\n";

    private static final String DOWNGRADE = "-- migrate:downgrade\n";

    private final FormatConfig config = FormatConfig.builder().indent("    ").maxColumnLength(100)
            .linesBetweenQueries(1).build();

    @Override
    public void run(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int upgrade = text.indexOf(UPGRADE);
            int downgrade = text.indexOf(DOWNGRADE, Math.max(upgrade, 0));
            if (upgrade < 0 || downgrade < 0) {
                return;
            }
            String header = text.substring(0, upgrade + UPGRADE.length());
            String up = text.substring(upgrade + UPGRADE.length(), downgrade);
            String down = text.substring(downgrade + DOWNGRADE.length());
            String formatted = header + section(file, up, "\n\n") + DOWNGRADE + section(file, down, "\n");
            if (!formatted.equals(text)) {
                Files.writeString(file, formatted, StandardCharsets.UTF_8);
            }
        }
        catch (IOException ex) {
            throw new MigrateException("Wrote " + file + ", but could not format it: " + ex.getMessage()
                    + ". The file is as Migrate wrote it.", ex);
        }
    }

    /**
     * One section formatted and ended with {@code trailing}, or as written when formatting would change more than
     * its layout.
     */
    private String section(Path file, String sql, String trailing) {
        if (sql.isBlank()) {
            return sql;
        }
        String formatted;
        try {
            formatted = SqlFormatter.of(Dialect.PostgreSql).format(sql, config).strip() + trailing;
            if (SqlSplitter.withoutLayout(formatted).equals(SqlSplitter.withoutLayout(sql))) {
                return formatted;
            }
        }
        catch (RuntimeException ex) {
            logger.warn("sql-formatter failed on {}: {}; the section stays as written", file, ex.toString());
            return sql;
        }
        logger.warn("sql-formatter would change more than the layout of {} (a literal, a name, a body or where a "
                + "statement ends); that section stays as written", file);
        return sql;
    }
}
