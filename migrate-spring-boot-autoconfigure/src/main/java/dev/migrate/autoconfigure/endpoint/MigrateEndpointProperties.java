package dev.migrate.autoconfigure.endpoint;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code migrate} endpoint, as Spring Boot's {@code env} endpoint has them for values.
 */
@ConfigurationProperties("management.endpoint.migrate")
public class MigrateEndpointProperties {

    /**
     * When to show the database's error messages of failed steps, which can quote row values (a duplicate key, say).
     * Otherwise only their SQLState is shown; the whole message stays in the history table and the log.
     */
    private Show showErrors = Show.NEVER;

    /**
     * Roles used to decide whether a user is authorized to see error messages. When empty, all authenticated users
     * are authorized.
     */
    private Set<String> roles = new LinkedHashSet<>();

    public Show getShowErrors() {
        return this.showErrors;
    }

    public void setShowErrors(Show showErrors) {
        this.showErrors = showErrors;
    }

    public Set<String> getRoles() {
        return this.roles;
    }

    public void setRoles(Set<String> roles) {
        this.roles = roles;
    }
}
