package dev.migrate.autoconfigure;

import dev.migrate.autogenerate.TargetSchema;

/**
 * The schema the application's entity model wants, for {@code revision --autogenerate} and {@code check}. The
 * Hibernate one is auto-configured when Hibernate is present.
 */
public interface MigrateEntityModel extends TargetSchema {

    /** Whether the model can be read yet (Hibernate hands it over when the EntityManagerFactory starts). */
    boolean isAvailable();
}
