package dev.migrate.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrate.autoconfigure.app.TestApplication;
import dev.migrate.autoconfigure.app.User;
import dev.migrate.autoconfigure.app.UserRepository;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole application on real PostgreSQL with {@code ddl-auto=validate}: it starts only because the revisions ran
 * before Hibernate looked at the schema. Its endpoint, health and meters are read over real HTTP.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "migrate.locations=classpath:dev/migrate/seed/java",
        "spring.jpa.hibernate.ddl-auto=validate",
        "management.endpoints.web.exposure.include=health,migrate,metrics",
        "management.endpoint.health.show-details=always" })
class MigrateApplicationOnPostgresTests {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserRepository users;

    @Autowired
    MeterRegistry meters;

    @Test
    void jpaWorksOnTheSchemaTheRevisionsBuilt() {
        users.save(new User(UUID.randomUUID(), "ada@example.com", "x"));
        assertThat(users.findAll()).extracting(User::getEmail).contains("ada@example.com", "system@example.com");
    }

    @Test
    void theEndpointShowsCurrentHeadsPendingAndHistory() throws Exception {
        String json = get("/actuator/migrate");
        assertThat(json).contains("\"migrateBeans\":{\"migrate\":{\"current\":[\"d4e5f6a1b2c3\"]")
                .contains("\"heads\":[{\"revision\":\"d4e5f6a1b2c3\"")
                .contains("\"pending\":[]")
                .contains("\"revision\":\"a1b2c3d4e5f6\",\"message\":\"create users table\",\"direction\":\"upgrade\"")
                .contains("\"success\":true")
                .doesNotContain(db.password().isEmpty() ? "\"password\"" : db.password())
                .doesNotContain("jdbc:postgresql");
    }

    @Test
    void healthIsUpAtTheHeads() throws Exception {
        Map<String, Object> migrate = component(get("/actuator/health"), "migrate");
        assertThat(migrate).containsEntry("status", "UP")
                .containsEntry("details", Map.of("current", List.of("d4e5f6a1b2c3"), "heads", List.of("d4e5f6a1b2c3")));
    }

    @Test
    void metersRecordEachStepAndThePendingCount() throws Exception {
        assertThat(meters.get("migrate.step").tag("instance", "migrate").tag("direction", "upgrade")
                .tag("outcome", "success").timer().count()).isEqualTo(4);
        assertThat(meters.find("migrate.step").tagKeys("revision").timer()).as("no tag per revision by default").isNull();
        assertThat(meters.get("migrate.revisions").tag("direction", "upgrade").counter().count()).isEqualTo(4);
        assertThat(meters.get("migrate.revisions.pending").gauge().value()).isZero();
        assertThat(get("/actuator/metrics/migrate.step")).contains("\"name\":\"migrate.step\"");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> component(String healthJson, String name) {
        Map<String, Object> components = (Map<String, Object>) JsonParserFactory.getJsonParser().parseMap(healthJson)
                .get("components");
        return (Map<String, Object>) components.get(name);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
