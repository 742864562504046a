package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE completes {@code application.properties} from, as the build writes it (the
 * annotation processor's output merged with the additional metadata).
 */
class MigrateConfigurationMetadataTests {

    final Object metadata = read();

    static Object read() {
        try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            return JsonPath.parse(in).json();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    Map<String, Object> property(String name) {
        List<Map<String, Object>> found = JsonPath.read(metadata, "$.properties[?(@.name == '" + name + "')]");
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    List<Object> hintValues(String name) {
        return JsonPath.read(metadata, "$.hints[?(@.name == '" + name + "')].values[*].value");
    }

    @Test
    void everyPropertyWithADefaultRecordsIt() {
        assertThat(property("migrate.locations")).containsEntry("defaultValue", List.of("classpath:db/revisions"));
        assertThat(property("migrate.revisions.file-template")).containsEntry("defaultValue",
                dev.migrate.script.RevisionWriter.DEFAULT_TEMPLATE);
        assertThat(property("migrate.target")).containsEntry("defaultValue", "heads");
        assertThat(property("migrate.on-start")).containsEntry("defaultValue", "upgrade");
        assertThat(property("management.health.migrate.enabled")).containsEntry("defaultValue", true);
    }

    @Test
    void hintsOfferTheValuesThatAreNotFreeText() {
        assertThat(hintValues("migrate.target")).contains("heads", "head", "base", "+1");
        assertThat(hintValues("migrate.health.pending-status")).contains("UP", "DOWN", "OUT_OF_SERVICE");
        assertThat(hintValues("migrate.health.unknown-revision-status")).contains("DOWN");
        assertThat(hintValues("migrate.revisions.format")).containsExactly("java", "sql");
        assertThat(hintValues("migrate.on-start")).containsExactly("upgrade", "validate", "none");
    }

    @Test
    void descriptionsFollowSpringBootsStyle() {
        List<Map<String, Object>> properties = JsonPath.read(metadata, "$.properties[?(@.name =~ /migrate.*/)]");
        assertThat(properties).isNotEmpty().allSatisfy(property -> {
            String description = (String) property.get("description");
            assertThat(description).as((String) property.get("name")).isNotBlank().doesNotStartWith("The ")
                    .doesNotStartWith("A ").endsWith(".");
            if (String.valueOf(property.get("type")).startsWith("java.util.List")) {
                assertThat(description).as((String) property.get("name")).startsWith("Comma-separated list of");
            }
        });
    }
}
