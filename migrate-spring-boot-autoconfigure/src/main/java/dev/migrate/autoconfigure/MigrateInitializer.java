package dev.migrate.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.revision.Plan;
import dev.migrate.runtime.RunSettings;

/**
 * Brings every database to its target while the application starts, before anything that uses a database is
 * created (the {@link MigrateDatabaseInitializerDetector}s make JPA and JDBC beans wait for this bean): the default
 * instance first, then the others in name order. What it does is decided when it runs, not when the application is
 * built (so that an AOT-processed application can still be started as a command): nothing when a command runs,
 * else as {@code migrate.on-start} says.
 */
public class MigrateInitializer implements InitializingBean, EnvironmentAware, Ordered {

    private final Supplier<Map<String, Migrate>> migrates;

    private final Function<String, String> targets;

    private final MigrateStrategy strategy;

    private final MigrateProperties.OnStart onStart;

    private boolean commandRuns;

    private final MigrateStartupLint lint;

    private int order;

    /**
     * Upgrades one Migrate on start-up.
     *
     * @param strategy what to do instead of upgrading to {@code target}, or {@code null}
     */
    public MigrateInitializer(Migrate migrate, MigrateStrategy strategy, String target) {
        this(() -> Map.of(migrate.settings().name(), migrate), name -> target, strategy,
                MigrateProperties.OnStart.UPGRADE, null);
    }

    /**
     * @param migrates the Migrate beans by instance name, in the order to run them
     * @param targets the target of each instance
     * @param strategy what to do instead of upgrading each instance to its target, or {@code null}
     * @param lint lints what start-up is about to run, or {@code null}
     */
    MigrateInitializer(Supplier<Map<String, Migrate>> migrates, Function<String, String> targets,
            MigrateStrategy strategy, MigrateProperties.OnStart onStart, MigrateStartupLint lint) {
        this.lint = lint;
        this.migrates = migrates;
        this.targets = targets;
        this.strategy = strategy;
        this.onStart = onStart;
    }

    /** A command runs instead of the start-up work, however the initializer was made (an application's own too). */
    @Override
    public void setEnvironment(Environment environment) {
        this.commandRuns = MigrateCommandMode.command(environment) != null;
    }

    @Override
    public void afterPropertiesSet() {
        if (commandRuns || onStart == MigrateProperties.OnStart.NONE) {
            return;
        }
        migrates.get().forEach((name, migrate) -> {
            if (onStart == MigrateProperties.OnStart.VALIDATE) {
                validate(name, migrate, targets.apply(name));
                return;
            }
            if (lint != null && strategy == null) {
                lint.check(name, migrate);
            }
            if (strategy != null) {
                strategy.migrate(migrate);
            }
            else {
                migrate.upgrade(targets.apply(name));
            }
        });
    }

    /** Fails unless the database is at its target, without changing anything. */
    static void validate(String name, Migrate migrate, String target) {
        String database = RunSettings.DEFAULT_NAME.equals(name) ? "The database" : "The database of instance '"
                + name + "'";
        List<String> unknown = migrate.current().stream().filter(row -> migrate.graph().get(row) == null).toList();
        if (!unknown.isEmpty()) {
            throw new NotMigratedException(database + " holds revision(s) the application does not know: "
                    + String.join(", ", unknown) + ". It was migrated by a newer version of the application.");
        }
        Plan pending = migrate.pending(target);
        if (!pending.isEmpty()) {
            throw new NotMigratedException(database + " is not at its target '" + target + "': "
                    + pending.steps().size() + " revision(s) pending (" + String.join(", ", pending.revisionIds())
                    + ").");
        }
    }

    @Override
    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }

    /** {@code migrate.on-start=validate} found a database that is not where the application needs it. */
    public static final class NotMigratedException extends MigrateException {

        NotMigratedException(String message) {
            super(message);
        }
    }
}
