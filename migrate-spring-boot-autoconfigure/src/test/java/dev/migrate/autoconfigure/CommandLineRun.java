package dev.migrate.autoconfigure;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs an application started as a command line in a test, whose exit does not end the process: the run then ends
 * with the abandoned-run exception that keeps the application's runners from starting, holding the closed context.
 */
public final class CommandLineRun {

    private CommandLineRun() {
    }

    public static ConfigurableApplicationContext run(SpringApplication application, String... args) {
        try {
            return application.run(args);
        }
        catch (SpringApplication.AbandonedRunException ex) {
            return ex.getApplicationContext();
        }
    }
}
