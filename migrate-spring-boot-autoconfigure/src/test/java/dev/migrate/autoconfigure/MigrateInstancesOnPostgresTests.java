package dev.migrate.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.app.TestApplication;
import dev.migrate.runtime.MigrationListener;
import dev.migrate.runtime.RunEvent;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two databases, each with its own revisions, and no Java code: the application's DataSource (the default instance)
 * and {@code migrate.instances.analytics}. Both are migrated on start-up, shown by the endpoint, reported by the
 * health contributor and measured with their instance's name.
 */
@SpringBootTest(classes = { TestApplication.class, MigrateInstancesOnPostgresTests.Runs.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "migrate.locations=classpath:dev/migrate/seed/java",
                "migrate.instances.analytics.locations=classpath:dev/migrate/autoconfigure/analytics",
                "spring.jpa.hibernate.ddl-auto=validate",
                "management.endpoints.web.exposure.include=health,migrate",
                "management.endpoint.health.show-details=always" })
class MigrateInstancesOnPostgresTests {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @RegisterExtension
    static final TestDatabase analytics = TestDatabase.postgres();

    static final List<String> runs = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("migrate.instances.analytics.url", analytics::jdbcUrl);
        registry.add("migrate.instances.analytics.user", analytics::user);
        registry.add("migrate.instances.analytics.password", analytics::password);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Runs {

        @Bean
        MigrationListener runRecorder() {
            return new MigrationListener() {
                @Override
                public void runStarted(RunEvent event) {
                    runs.add(event.instance());
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Map<String, Migrate> migrates;

    @Autowired
    MeterRegistry meters;

    @Test
    void eachDatabaseGetsItsOwnRevisionsOnStartDefaultFirst() throws Exception {
        assertThat(runs).containsExactly("migrate", "analytics");
        assertThat(migrates).containsOnlyKeys("migrate", "analyticsMigrate");
        assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("d4e5f6a1b2c3");
        assertThat(analytics.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("aa0000000001");
        assertThat(analytics.queryForStrings("SELECT to_regclass('events')::text")).containsExactly("events");
        assertThat(db.queryForStrings("SELECT coalesce(to_regclass('events')::text, 'none')")).containsExactly("none");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthHasOneEntryPerInstance() throws Exception {
        Map<String, Object> migrate = MigrateApplicationOnPostgresTests.component(get("/actuator/health"), "migrate");
        assertThat(migrate).containsEntry("status", "UP");
        Map<String, Object> components = (Map<String, Object>) migrate.get("components");
        assertThat(components).containsOnlyKeys("migrate", "analytics");
        assertThat((Map<String, Object>) components.get("analytics")).containsEntry("status", "UP")
                .containsEntry("details", Map.of("current", List.of("aa0000000001"), "heads", List.of("aa0000000001")));
    }

    @Test
    void theEndpointShowsBoth() throws Exception {
        String json = get("/actuator/migrate");
        assertThat(json).contains("\"migrate\":{\"current\":[\"d4e5f6a1b2c3\"]")
                .contains("\"analyticsMigrate\":{\"current\":[\"aa0000000001\"]");
    }

    @Test
    void metersCarryTheInstance() {
        assertThat(meters.get("migrate.revisions").tag("instance", "analytics").counter().count()).isEqualTo(1);
        assertThat(meters.get("migrate.revisions").tag("instance", "migrate").counter().count()).isEqualTo(4);
        assertThat(meters.get("migrate.revisions.pending").tag("instance", "analytics").gauge().value()).isZero();
        assertThat(meters.get("migrate.step").tag("instance", "analytics").timer().count()).isEqualTo(1);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
