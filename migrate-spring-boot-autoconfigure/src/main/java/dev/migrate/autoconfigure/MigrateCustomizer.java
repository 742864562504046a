package dev.migrate.autoconfigure;

import dev.migrate.Migrate;

/**
 * Adjusts the {@link Migrate.Builder} after the properties are applied, for what properties do not cover (a
 * dialect of one's own, say). Beans of this type are applied in order.
 */
@FunctionalInterface
public interface MigrateCustomizer {

    void customize(Migrate.Builder builder);
}
