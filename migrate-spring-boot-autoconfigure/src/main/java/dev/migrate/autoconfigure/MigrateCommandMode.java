package dev.migrate.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.migrate.command.Commands;

/**
 * Whether the application runs as a command line, read from the environment when it runs (never settled when it
 * is built, so that an AOT-processed application can still be started either way): {@code migrate.command}, or the
 * {@code autogenerate} profile, which upgrades first and then writes the next revision.
 */
final class MigrateCommandMode {

    static final String AUTOGENERATE_PROFILE = "autogenerate";

    private MigrateCommandMode() {
    }

    static String command(Environment environment) {
        String command = environment.getProperty("migrate.command");
        return StringUtils.hasText(command) ? command : null;
    }

    static boolean autogenerateProfile(Environment environment) {
        return Arrays.asList(environment.getActiveProfiles()).contains(AUTOGENERATE_PROFILE);
    }

    /** Whether a command, or the autogenerate profile, replaces the application's own work. */
    static boolean isCommandLine(Environment environment) {
        return command(environment) != null || autogenerateProfile(environment);
    }

    /**
     * Whether the command needs no more than the database: every command but those that compare the entity model, so
     * that JPA and the application's beans are left unmade.
     */
    static boolean isLean(Environment environment) {
        String command = command(environment);
        if (command == null) {
            return false;
        }
        List<String> words = MigrateCommandRunner.words(command);
        return words == null || !Commands.needsEntityModel(words);
    }

    /**
     * The words of what runs instead of the application: {@code migrate.command}'s, or the autogenerate profile's
     * {@code revision --autogenerate -m <migrate.autogenerate.message>}; {@code null} when the application runs.
     */
    static List<String> words(Environment environment) {
        if (command(environment) != null) {
            return MigrateCommandRunner.words(command(environment));
        }
        if (!autogenerateProfile(environment)) {
            return null;
        }
        String message = environment.getProperty("migrate.autogenerate.message");
        if (!StringUtils.hasText(message)) {
            throw new InvalidConfigurationPropertyValueException("migrate.autogenerate.message", message,
                    "The autogenerate profile writes a revision and needs its message, for example "
                            + "--migrate.autogenerate.message=\"add orders\".");
        }
        return List.of("revision", "--autogenerate", "-m", message);
    }
}
