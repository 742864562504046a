package dev.migrate.autoconfigure;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

import dev.migrate.MigrateException;
import dev.migrate.command.CommandLine;
import dev.migrate.command.CommandResult;
import dev.migrate.command.Commands;

/**
 * Runs {@code migrate.command} (or the {@code autogenerate} profile's revision) in place of the start-up work, early
 * (as a database initializer, before JPA), prints its output, and exits with the command's status as soon as the
 * context has started: before the application's {@code ApplicationRunner}s and {@code CommandLineRunner}s, which are
 * the application's business and not a migration job's. (Where the exit does not end the process, as in a test,
 * {@code SpringApplication.run} ends with an {@link SpringApplication.AbandonedRunException} holding the closed
 * context.) Commands that need the entity model ({@code check},
 * {@code revision --autogenerate}) run once the context has started. Without a command it does nothing: whether
 * there is one is decided when the application runs, not when it is built.
 */
public class MigrateCommandRunner implements InitializingBean, ExitCodeGenerator,
        ApplicationListener<ApplicationStartedEvent> {

    private final Supplier<Commands> commands;

    private final List<String> words;

    private final String unreadable;

    private final MigrateCommandExit exit;

    private final PrintStream out;

    private final PrintStream err;

    private CommandResult result;

    /** Runs a command line such as {@code downgrade -1}. */
    public MigrateCommandRunner(Commands commands, String command, MigrateCommandExit exit, PrintStream out,
            PrintStream err) {
        this(() -> commands, words(command), command, exit, out, err);
    }

    /** Runs a command given as words, such as {@code revision --autogenerate -m <message>}. */
    public MigrateCommandRunner(Commands commands, List<String> words, MigrateCommandExit exit, PrintStream out,
            PrintStream err) {
        this(() -> commands, words, null, exit, out, err);
    }

    /**
     * @param commands made only when a command runs
     * @param words the command's words, {@code null} when there is no command or it cannot be split
     * @param unreadable the command as given when it cannot be split, else {@code null}
     */
    MigrateCommandRunner(Supplier<Commands> commands, List<String> words, String unreadable, MigrateCommandExit exit,
            PrintStream out, PrintStream err) {
        this.commands = commands;
        this.words = words;
        this.unreadable = unreadable;
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    /** The command's words, or {@code null} when it cannot be split (an unclosed quote): running it says so. */
    static List<String> words(String command) {
        try {
            return CommandLine.words(command);
        }
        catch (CommandLine.UsageException ex) {
            return null;
        }
    }

    /** Whether there is a command to run. */
    public boolean hasCommand() {
        return words != null || unreadable != null;
    }

    @Override
    public void afterPropertiesSet() {
        if (hasCommand() && (words == null || !Commands.needsEntityModel(words))) {
            run();
        }
    }

    private void run() {
        Commands chosen;
        try {
            chosen = commands.get();
        }
        catch (RuntimeException ex) {
            // Which instance to address is the command line's business: a wrong one is a failed command.
            MigrateException cause = migrateCause(ex);
            if (cause == null) {
                throw ex;
            }
            result = new CommandResult(CommandResult.FAILED, "FAILED: " + cause.getMessage());
            print(result, out, err);
            return;
        }
        result = words != null ? chosen.run(words) : chosen.run(unreadable);
        print(result, out, err);
    }

    private static MigrateException migrateCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MigrateException migrate) {
                return migrate;
            }
        }
        return null;
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
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (!hasCommand()) {
            return;
        }
        if (result == null) {
            run();
        }
        exit.exit(SpringApplication.exit(event.getApplicationContext()));
        // Only an exit that does not end the process (a test's) gets here: the run ends now all the same, so that
        // the application's runners never start on the closed context.
        throw new SpringApplication.AbandonedRunException(event.getApplicationContext());
    }
}
