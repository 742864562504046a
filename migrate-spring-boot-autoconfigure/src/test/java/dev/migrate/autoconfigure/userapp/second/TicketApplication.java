package dev.migrate.autoconfigure.userapp.second;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's own application, not the demo: tickets numbered by a sequence allocated 20 at a time. */
@SpringBootApplication
public class TicketApplication {
}
