package dev.migrate.autoconfigure.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small application whose schema comes from the seed's Java revisions in migrate-core's test jar. */
@SpringBootApplication
public class TestApplication {
}
