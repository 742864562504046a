/**
 * An entity model of the shape of Spring's PetClinic sample (owners, pets, visits, vets and their specialties, mapped
 * superclasses, one-to-many by join column, a join table), with Bean Validation constraints on its fields as such
 * applications carry them: Hibernate turns {@code @NotNull}, {@code @Size}, {@code @Digits}, {@code @Min} and
 * {@code @Max} into DDL when Hibernate Validator is present, so the model's schema is more than its JPA annotations.
 */
package dev.migrate.autoconfigure.autogen.clinic;
