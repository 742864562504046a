package dev.migrate.autoconfigure.userapp.first;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's own application, not the demo: tickets numbered by a sequence allocated 50 at a time. */
@SpringBootApplication
public class TicketApplication {
}
