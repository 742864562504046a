package dev.migrate.autogenerate;

/**
 * Changes or drops what {@code revision} (with or without {@code --autogenerate}) is about to write: Alembic's
 * {@code process_revision_directives}. In a Spring Boot application, every bean of this type is applied, in order.
 */
@FunctionalInterface
public interface RevisionCustomizer {

    void customize(RevisionDirectives directives);
}
