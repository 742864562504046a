package dev.migrate.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

import dev.migrate.Migrate;

/**
 * Tells Hibernate that Migrate manages a DataSource's schema, so that {@code ddl-auto} defaults to {@code none}
 * instead of creating tables behind the revisions' back.
 */
class MigrateSchemaManagementProvider implements SchemaManagementProvider {

    private final ObjectProvider<Migrate> migrates;

    MigrateSchemaManagementProvider(ObjectProvider<Migrate> migrates) {
        this.migrates = migrates;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        return migrates.stream().anyMatch(migrate -> dataSource.equals(migrate.dataSource())) ? SchemaManagement.MANAGED
                : SchemaManagement.UNMANAGED;
    }
}
