/**
 * Mappings only PostgreSQL takes (Hibernate refuses them on H2): enum types of the database's own, made by
 * {@code create type ... as enum}.
 */
package dev.migrate.autoconfigure.autogen.postgres;
