package dev.migrate.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.lint.Lint;
import dev.migrate.runtime.RunSettings;

/**
 * Lints, before start-up upgrades a PostgreSQL database (without a {@code MigrateStrategy}), the revisions it is
 * about to run
 * ({@code migrate.lint.on-start}): their hazards not acknowledged are logged as warnings, or fail the start before
 * anything ran. Other databases are not linted: the rules are PostgreSQL's.
 */
final class MigrateStartupLint {

    private static final Logger logger = LoggerFactory.getLogger(MigrateStartupLint.class);

    private final MigrateProperties.LintOnStart onStart;

    private final Lint.Options options;

    MigrateStartupLint(MigrateProperties.Lint settings) {
        this.onStart = settings.getOnStart();
        this.options = new Lint.Options(settings.getSince(), settings.getPostgresVersion(), false);
    }

    void check(String name, Migrate migrate) {
        if (onStart == MigrateProperties.LintOnStart.OFF) {
            return;
        }
        Lint.Report report;
        try {
            report = Lint.runOnPostgres(migrate, options);
            if (report == null) {
                return;
            }
        }
        catch (MigrateException ex) {
            // What keeps the revisions from being planned (a database ahead of the code, say) is the upgrade's to
            // report, in its own words.
            logger.debug("Not linting {}: {}", name, ex.getMessage());
            return;
        }
        catch (RuntimeException ex) {
            // The lint is advice: a statement it cannot read must not keep the application from starting.
            logger.warn("Could not lint the revisions of {}: {}", name, ex.toString());
            return;
        }
        if (report.unacknowledged().isEmpty()) {
            return;
        }
        String where = RunSettings.DEFAULT_NAME.equals(name) ? "the database" : "instance '" + name + "'";
        if (onStart == MigrateProperties.LintOnStart.FAIL) {
            throw new LintHazardsException("Lint found hazards in the revisions " + where + " is about to run "
                    + "(migrate.lint.on-start=fail); nothing was run.\n\n" + report.describe());
        }
        logger.warn("Lint found hazards in the revisions {} is about to run:\n\n{}", where, report.describe());
    }

    /** Start-up stopped on lint hazards not acknowledged. */
    public static final class LintHazardsException extends MigrateException {

        LintHazardsException(String message) {
            super(message);
        }
    }
}
