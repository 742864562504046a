package dev.migrate.bench;

import java.lang.management.ManagementFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small Spring Boot application (a DataSource, JDBC, no web server) whose start is timed with Migrate, with
 * Flyway, or with neither. Prints {@code millis <from JVM start to the application started>}.
 */
@SpringBootApplication
public class BootApp {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(BootApp.class, args);
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("millis " + sinceJvmStart);
        context.close();
    }
}
