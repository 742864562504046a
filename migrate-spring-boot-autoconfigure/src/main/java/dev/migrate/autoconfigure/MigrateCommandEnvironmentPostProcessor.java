package dev.migrate.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When {@code migrate.command} is set, or the {@code autogenerate} profile is active, the application is a command
 * line: no web server, and Hibernate neither validates nor changes a schema that the command is about to move or
 * compare, nor checks its sequences' increments against the entities (a database one revision behind, or a changed
 * {@code allocationSize} that autogenerate is about to write, is what a command is for). Quieter logging is only a
 * default the user's own settings override.
 */
class MigrateCommandEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String command = environment.getProperty("migrate.command");
        boolean autogenerate = java.util.Arrays.asList(environment.getActiveProfiles()).contains("autogenerate");
        if ((command == null || command.isBlank()) && !autogenerate) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("migrateCommand", Map.of(
                "spring.main.web-application-type", "none",
                "spring.jpa.hibernate.ddl-auto", "none",
                "spring.jpa.properties.hibernate.id.sequence.increment_size_mismatch_strategy", "none")));
        environment.getPropertySources().addLast(new MapPropertySource("migrateCommandDefaults", Map.of(
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN",
                "logging.level.dev.migrate", "WARN")));
    }
}
