package dev.migrate.script;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The identity of a {@link JavaRevision}: Alembic's {@code revision}, {@code down_revision} and friends. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RevisionInfo {

    /** The revision id. */
    String id();

    /** The revisions this one follows; none for a base, two or more for a merge. */
    String[] parents() default {};

    /** Branch labels this revision carries. */
    String[] branchLabels() default {};

    /** Revisions or branch labels that must be applied first, without being parents. */
    String[] dependsOn() default {};

    /** A one-line description. */
    String message() default "";

    /** When the revision was created, as an ISO-8601 instant; empty when unknown. */
    String created() default "";

    /**
     * Whether the revision runs in one transaction with its version-table update. Set {@code false} for statements
     * that refuse to run in a transaction, such as {@code CREATE INDEX CONCURRENTLY}.
     */
    boolean transactional() default true;

    /**
     * Lint hazards a person has reviewed and accepts for this revision, by id ({@code "set-not-null"}); the
     * {@code lint} command reports them as acknowledged and passes.
     */
    String[] acknowledge() default {};
}
