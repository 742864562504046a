package dev.migrate.autoconfigure;

/** {@link MigrateConnectionDetails} from {@code migrate.url}, {@code migrate.user} and {@code migrate.password}. */
final class PropertiesMigrateConnectionDetails implements MigrateConnectionDetails {

    private final MigrateProperties properties;

    PropertiesMigrateConnectionDetails(MigrateProperties properties) {
        this.properties = properties;
    }

    @Override
    public String getJdbcUrl() {
        return properties.getUrl();
    }

    @Override
    public String getUsername() {
        return properties.getUser();
    }

    @Override
    public String getPassword() {
        return properties.getPassword();
    }

    @Override
    public String getDriverClassName() {
        String driver = properties.getDriverClassName();
        return driver != null && !driver.isBlank() ? driver : MigrateConnectionDetails.super.getDriverClassName();
    }
}
