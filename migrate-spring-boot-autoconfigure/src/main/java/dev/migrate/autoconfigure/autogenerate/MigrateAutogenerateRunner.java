package dev.migrate.autoconfigure.autogenerate;

import java.io.PrintStream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import dev.migrate.autoconfigure.MigrateCommandExit;
import dev.migrate.autoconfigure.MigrateCommandRunner;
import dev.migrate.command.CommandResult;
import dev.migrate.command.Commands;

/**
 * The {@code autogenerate} profile: once the application has started (the database brought to the heads, Hibernate
 * ready), writes the next revision from the entity model with {@code migrate.autogenerate.message}, prints what it
 * found, and exits.
 */
public class MigrateAutogenerateRunner implements ApplicationListener<ApplicationReadyEvent> {

    private final Commands commands;

    private final String message;

    private final MigrateCommandExit exit;

    private final PrintStream out;

    private final PrintStream err;

    private CommandResult result;

    public MigrateAutogenerateRunner(Commands commands, String message, MigrateCommandExit exit, PrintStream out,
            PrintStream err) {
        this.commands = commands;
        this.message = message;
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (message == null || message.isBlank()) {
            result = new CommandResult(CommandResult.USAGE, "error: the autogenerate profile needs a message: set "
                    + "migrate.autogenerate.message, for example --migrate.autogenerate.message=\"add orders\"");
        }
        else {
            result = commands.run(java.util.List.of("revision", "--autogenerate", "-m", message));
        }
        MigrateCommandRunner.print(result, out, err);
        int status = result.exitCode();
        exit.exit(SpringApplication.exit(event.getApplicationContext(), () -> status));
    }

    /** What the run printed and its status; {@code null} before the application is ready. */
    public CommandResult result() {
        return result;
    }

}
