package dev.migrate.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

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

import dev.migrate.autoconfigure.app.TestApplication;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** With migrating left to a separate job, the application reports what is pending. */
@SpringBootTest(classes = { TestApplication.class, MigratePendingHealthOnPostgresTests.OnlyTwo.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "migrate.locations=classpath:dev/migrate/seed/java",
                "migrate.health.pending-status=OUT_OF_SERVICE",
                "management.endpoints.web.exposure.include=health,migrate",
                "management.endpoint.health.show-details=always" })
class MigratePendingHealthOnPostgresTests {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    /** A strategy that stops halfway, as a deployment that migrates elsewhere would leave the database. */
    @TestConfiguration
    static class OnlyTwo {

        @Bean
        MigrateStrategy onlyTwo() {
            return migrate -> migrate.upgrade("+2");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void healthReportsTheConfiguredStatusAndThePendingRevisions() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(503);
        Map<String, Object> migrate = MigrateApplicationOnPostgresTests.component(response.body(), "migrate");
        assertThat(migrate).containsEntry("status", "OUT_OF_SERVICE").containsEntry("details", Map.of(
                "current", List.of("b2c3d4e5f6a1"), "heads", List.of("d4e5f6a1b2c3"),
                "pending", List.of("c3d4e5f6a1b2", "d4e5f6a1b2c3")));
    }

    @Test
    void theEndpointListsThePendingRevisionsInOrder() throws Exception {
        assertThat(get("/actuator/migrate").body()).contains("\"pending\":[{\"revision\":\"c3d4e5f6a1b2\"")
                .contains("{\"revision\":\"d4e5f6a1b2c3\",\"parents\":[\"c3d4e5f6a1b2\"]");
        assertThat(meters.get("migrate.revisions.pending").gauge().value()).isEqualTo(2);
    }

    @Test
    void anUnknownRevisionInTheDatabaseIsReported() throws Exception {
        db.execute("INSERT INTO migrate_version (version_num) VALUES ('f00000000000')");
        try {
            Map<String, Object> migrate = MigrateApplicationOnPostgresTests.component(get("/actuator/health").body(),
                    "migrate");
            assertThat(migrate).containsEntry("status", "DOWN");
            assertThat(migrate.get("details")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("unknownRevisions", List.of("f00000000000"));
        }
        finally {
            db.execute("DELETE FROM migrate_version WHERE version_num = 'f00000000000'");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
