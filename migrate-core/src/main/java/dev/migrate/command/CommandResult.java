package dev.migrate.command;

/**
 * What a command printed and its exit status: 0 for success, 1 for a failure Migrate reports, 2 for a command
 * line that could not be understood.
 *
 * @param exitCode the process exit status the command asks for
 * @param output what the command prints on standard output (or, when it failed, the error)
 */
public record CommandResult(int exitCode, String output) {

    public static final int OK = 0;

    public static final int FAILED = 1;

    public static final int USAGE = 2;
}
