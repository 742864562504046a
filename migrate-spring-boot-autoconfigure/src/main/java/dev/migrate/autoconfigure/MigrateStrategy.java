package dev.migrate.autoconfigure;

import dev.migrate.Migrate;

/**
 * Replaces what happens on start-up, which by default is {@code migrate.upgrade(target)}. A strategy that does
 * nothing leaves migrating to a separate job; one that calls {@code pending} can refuse to start instead.
 */
@FunctionalInterface
public interface MigrateStrategy {

    void migrate(Migrate migrate);
}
