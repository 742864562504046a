package dev.migrate.autoconfigure;

import java.io.PrintStream;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import dev.migrate.command.CommandLine;
import dev.migrate.command.CommandResult;
import dev.migrate.command.Commands;

/**
 * Runs {@code migrate.command} in place of the start-up upgrade, early (as a database initializer, before JPA),
 * prints its output, and once the application is ready closes it and exits with the command's status. Commands
 * that need the entity model ({@code check}, {@code revision --autogenerate}) run once the application is ready.
 */
public class MigrateCommandRunner implements InitializingBean, ExitCodeGenerator,
        ApplicationListener<ApplicationReadyEvent> {

    private final Commands commands;

    private final List<String> words;

    private final String unreadable;

    private final MigrateCommandExit exit;

    private final PrintStream out;

    private final PrintStream err;

    private CommandResult result;

    /** Runs a command line such as {@code downgrade -1}. */
    public MigrateCommandRunner(Commands commands, String command, MigrateCommandExit exit, PrintStream out,
            PrintStream err) {
        this(commands, words(command), command, exit, out, err);
    }

    /** Runs a command given as words, such as {@code revision --autogenerate -m <message>}. */
    public MigrateCommandRunner(Commands commands, List<String> words, MigrateCommandExit exit, PrintStream out,
            PrintStream err) {
        this(commands, words, null, exit, out, err);
    }

    private MigrateCommandRunner(Commands commands, List<String> words, String unreadable, MigrateCommandExit exit,
            PrintStream out, PrintStream err) {
        this.commands = commands;
        this.words = words;
        this.unreadable = unreadable;
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    /** The command's words, or {@code null} when it cannot be split (an unclosed quote): running it says so. */
    private static List<String> words(String command) {
        try {
            return CommandLine.words(command);
        }
        catch (CommandLine.UsageException ex) {
            return null;
        }
    }

    @Override
    public void afterPropertiesSet() {
        if (words == null || !Commands.needsEntityModel(words)) {
            run();
        }
    }

    private void run() {
        result = words != null ? commands.run(words) : commands.run(unreadable);
        print(result, out, err);
    }

    /** A command's output on standard output, or on standard error when it failed. */
    private static void print(CommandResult result, PrintStream out, PrintStream err) {
        PrintStream stream = result.exitCode() == CommandResult.OK ? out : err;
        if (!result.output().isEmpty()) {
            stream.println(result.output());
        }
        stream.flush();
    }

    /** The command's result; {@code null} before it ran. */
    public CommandResult result() {
        return result;
    }

    @Override
    public int getExitCode() {
        return result == null ? 0 : result.exitCode();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (result == null) {
            run();
        }
        exit.exit(SpringApplication.exit(event.getApplicationContext()));
    }
}
