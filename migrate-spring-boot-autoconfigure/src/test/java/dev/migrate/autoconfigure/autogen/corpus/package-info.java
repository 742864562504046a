/**
 * An entity model written for autogenerate's tests, using every mapping of Hibernate's user guide that produces DDL:
 * every id strategy, every enum form, embeddables (nested, overridden, records), element collections, every
 * association and join table, the three inheritance strategies, secondary tables, {@code @MapsId}, {@code @IdClass},
 * {@code @EmbeddedId}, soft delete, time zone storage, JSON, LOBs, arrays, converters, checks, comments, column
 * defaults and definitions, second precision, indexes with DESC and unique, reserved words, and a user and authority
 * model of the shape JHipster generates.
 */
package dev.migrate.autoconfigure.autogen.corpus;
