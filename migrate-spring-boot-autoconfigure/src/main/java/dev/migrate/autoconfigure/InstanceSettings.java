package dev.migrate.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

import dev.migrate.MigrateException;
import dev.migrate.revision.Target;
import dev.migrate.runtime.RunSettings;
import dev.migrate.script.Location;

/**
 * What one Migrate instance is configured with: the top-level {@code migrate.*} properties for the default instance,
 * {@code migrate.instances.<name>.*} (falling back to the top-level ones) for the others.
 *
 * @param name the instance's name ({@value RunSettings#DEFAULT_NAME} for the default one)
 * @param prefix where its properties live, for error messages ({@code migrate} or {@code migrate.instances.<name>})
 * @param dataSourceBean the name of the DataSource bean it migrates, or {@code null}
 * @param url the JDBC URL of a connection of its own, or {@code null}
 */
record InstanceSettings(String name, String prefix, String dataSourceBean, String url, String user, String password,
        String driverClassName, List<String> locations, String target, String schema, String versionTable,
        String historyTable, Duration lockWait, boolean validateChecksums, boolean transactionPerRevision) {

    static InstanceSettings of(MigrateProperties properties) {
        return new InstanceSettings(RunSettings.DEFAULT_NAME, "migrate", null, properties.getUrl(),
                properties.getUser(), properties.getPassword(), properties.getDriverClassName(),
                properties.getLocations(), properties.getTarget(), properties.getSchema(),
                properties.getVersionTable(), properties.getHistoryTable(), properties.getLockWait(),
                properties.isValidateChecksums(), properties.isTransactionPerRevision());
    }

    static InstanceSettings of(MigrateProperties properties, String name) {
        MigrateProperties.Instance instance = properties.getInstances().get(name);
        return new InstanceSettings(name, "migrate.instances." + name, instance.getDataSource(), instance.getUrl(),
                instance.getUser(), instance.getPassword(), instance.getDriverClassName(),
                instance.getLocations() != null ? instance.getLocations() : List.of("classpath:db/" + name),
                or(instance.getTarget(), properties.getTarget()), or(instance.getSchema(), properties.getSchema()),
                or(instance.getVersionTable(), properties.getVersionTable()),
                or(instance.getHistoryTable(), properties.getHistoryTable()),
                or(instance.getLockWait(), properties.getLockWait()),
                or(instance.getValidateChecksums(), properties.isValidateChecksums()),
                or(instance.getTransactionPerRevision(), properties.isTransactionPerRevision()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** Fails naming the property at fault, before any connection is made. */
    void validate() {
        if (!prefix.equals("migrate") && RunSettings.DEFAULT_NAME.equals(name)) {
            throw invalid("", name, "'" + name + "' is the name of the instance the top-level migrate.* properties "
                    + "configure; give this one a name of its own.");
        }
        if (!RunSettings.DEFAULT_NAME.equals(name) && !name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw invalid("", name, "An instance name starts with a letter and holds letters, digits, '_' and '-'.");
        }
        if (locations == null || locations.isEmpty()) {
            throw invalid("locations", locations, "At least one location is required, such as classpath:db/revisions.");
        }
        for (String location : locations) {
            Location parsed;
            try {
                parsed = Location.parse(location);
            }
            catch (MigrateException ex) {
                throw invalid("locations", location, ex.getMessage());
            }
            if (!parsed.onClasspath() && !Files.isDirectory(Path.of(parsed.path()))) {
                throw invalid("locations", location, "The folder " + Path.of(parsed.path()).toAbsolutePath()
                        + " does not exist or is not a folder.");
            }
        }
        try {
            Target.parse(target);
        }
        catch (MigrateException ex) {
            throw invalid("target", target, ex.getMessage());
        }
        requireName("version-table", versionTable);
        requireName("history-table", historyTable);
        if (versionTable.equals(historyTable)) {
            throw invalid("history-table", historyTable, "The history table needs a name of its own, not the version "
                    + "table's.");
        }
        if (lockWait == null || lockWait.isNegative()) {
            throw invalid("lock-wait", lockWait, "The lock wait must be zero or more, such as 30s or 5m.");
        }
        if (!RunSettings.DEFAULT_NAME.equals(name) && !StringUtils.hasText(dataSourceBean) && !StringUtils.hasText(url)) {
            throw invalid("url", url, "Instance '" + name + "' needs a database: give " + prefix + ".url (with user "
                    + "and password) or " + prefix + ".data-source, the name of a DataSource bean.");
        }
    }

    private void requireName(String property, String value) {
        if (!StringUtils.hasText(value)) {
            throw invalid(property, value, "A table name is required.");
        }
        if (value.indexOf('\0') >= 0) {
            throw invalid(property, value, "A table name cannot hold NUL.");
        }
    }

    InvalidConfigurationPropertyValueException invalid(String property, Object value, String reason) {
        return new InvalidConfigurationPropertyValueException(property.isEmpty() ? prefix : prefix + "." + property,
                value, reason);
    }
}
