package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;

import dev.migrate.script.GoogleJavaFormat;
import dev.migrate.script.PostWriteHook;
import dev.migrate.script.RevisionWriter;
import dev.migrate.script.SqlFormat;

/** The formatters {@code migrate.revisions.java-formatter} and {@code sql-formatter} choose for new revisions. */
final class RevisionFormatters {

    /** Long enough for a cold JVM on a busy machine; the formatter itself takes well under a second. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private RevisionFormatters() {
    }

    static List<PostWriteHook> chosen(MigrateProperties.Revisions revisions, ClassLoader classLoader) {
        List<PostWriteHook> hooks = new ArrayList<>();
        if (revisions.getFormat() == RevisionWriter.Format.JAVA) {
            MigrateProperties.JavaFormatter chosen = revisions.getJavaFormatter();
            boolean available = GoogleJavaFormat.isAvailable(classLoader);
            if (!available && chosen != MigrateProperties.JavaFormatter.AUTO
                    && chosen != MigrateProperties.JavaFormatter.NONE) {
                throw new InvalidConfigurationPropertyValueException("migrate.revisions.java-formatter", chosen,
                        "google-java-format is not on the classpath: add com.google.googlejavaformat:"
                                + "google-java-format to the application's dependencies, or choose auto or none.");
            }
            if (available && chosen == MigrateProperties.JavaFormatter.GOOGLE) {
                hooks.add(new GoogleJavaFormat(GoogleJavaFormat.Style.GOOGLE, TIMEOUT));
            }
            else if (available && chosen != MigrateProperties.JavaFormatter.NONE) {
                hooks.add(new GoogleJavaFormat(GoogleJavaFormat.Style.AOSP, TIMEOUT));
            }
        }
        if (revisions.getFormat() == RevisionWriter.Format.SQL
                && revisions.getSqlFormatter() == MigrateProperties.SqlFormatter.SQL_FORMATTER) {
            if (!ClassUtils.isPresent("com.github.vertical_blank.sqlformatter.SqlFormatter", classLoader)) {
                throw new InvalidConfigurationPropertyValueException("migrate.revisions.sql-formatter",
                        revisions.getSqlFormatter(), "sql-formatter is not on the classpath: add com.github."
                                + "vertical-blank:sql-formatter to the application's dependencies, or choose none.");
            }
            hooks.add(new SqlFormat());
        }
        return hooks;
    }
}
