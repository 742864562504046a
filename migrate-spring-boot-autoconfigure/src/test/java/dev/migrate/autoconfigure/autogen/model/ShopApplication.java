package dev.migrate.autoconfigure.autogen.model;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application whose entities autogenerate turns into revisions. */
@SpringBootApplication
public class ShopApplication {
}
