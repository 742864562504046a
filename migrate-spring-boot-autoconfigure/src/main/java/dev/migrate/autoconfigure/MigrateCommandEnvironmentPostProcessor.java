package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When {@code migrate.command} is set, or the {@code autogenerate} profile is active, the application is a command
 * line, a migration job:
 * <ul>
 * <li>no web server (an AOT-processed application keeps the web context it was built with, so there the server is
 * created but never listens: {@code server.port=-1});</li>
 * <li>no bean the command does not need: the context is lazy ({@code spring.main.lazy-initialization}), so the
 * application's services and its runners' dependencies are never made, and Spring Boot's JPA is left out (unless the
 * application was AOT-processed, which settled its beans at build time), except for commands that compare the
 * entity model ({@code check}, {@code revision --autogenerate}, the profile), which need Hibernate's;</li>
 * <li>Hibernate neither validates nor changes a schema that the command is about to move or compare, nor checks its
 * sequences' increments against the entities (a database one revision behind, or a changed {@code allocationSize}
 * that autogenerate is about to write, is what a command is for).</li>
 * </ul>
 * Quieter logging is only a default the user's own settings override.
 */
class MigrateCommandEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private static final String EXCLUDE_PROPERTY = "spring.autoconfigure.exclude";

    /**
     * Spring Boot's JPA: lazy initialization cannot keep it unmade, since the context makes every
     * {@code LoadTimeWeaverAware} bean (the entity manager factory is one) before anything else.
     */
    private static final List<String> JPA_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.metrics.HibernateMetricsAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!MigrateCommandMode.isCommandLine(environment)) {
            return;
        }
        Map<String, Object> settings = new HashMap<>();
        if (AotDetector.useGeneratedArtifacts()) {
            settings.put("server.port", "-1");
            settings.put("management.server.port", "-1");
        }
        else {
            settings.put("spring.main.web-application-type", "none");
        }
        if (MigrateCommandMode.isLean(environment)) {
            settings.put("spring.main.lazy-initialization", "true");
            if (!AotDetector.useGeneratedArtifacts()) {
                settings.put(EXCLUDE_PROPERTY, String.join(",", withoutJpa(environment)));
            }
        }
        settings.put("spring.jpa.hibernate.ddl-auto", "none");
        settings.put("spring.jpa.properties.hibernate.id.sequence.increment_size_mismatch_strategy", "none");
        environment.getPropertySources().addFirst(new MapPropertySource("migrateCommand", settings));
        environment.getPropertySources().addLast(new MapPropertySource("migrateCommandDefaults", Map.of(
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN",
                "logging.level.dev.migrate", "WARN")));
    }

    /** The application's own exclusions, and JPA's auto-configurations. */
    private static List<String> withoutJpa(ConfigurableEnvironment environment) {
        List<String> excluded = new ArrayList<>(Binder.get(environment)
                .bind(EXCLUDE_PROPERTY, Bindable.listOf(String.class)).orElse(List.of()));
        excluded.addAll(JPA_AUTO_CONFIGURATIONS);
        return excluded;
    }
}
