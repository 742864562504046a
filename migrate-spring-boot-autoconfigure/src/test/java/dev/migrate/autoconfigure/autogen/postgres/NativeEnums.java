package dev.migrate.autoconfigure.autogen.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Enums Hibernate stores in PostgreSQL enum types, one of them used by two tables. */
public final class NativeEnums {

    private NativeEnums() {
    }

    enum Priority {
        LOW, NORMAL, URGENT
    }

    enum Stage {
        DRAFT, REVIEW, DONE
    }

    @Entity(name = "Ticket")
    static class Ticket {
        @Id
        @GeneratedValue
        Long id;

        @Enumerated(EnumType.STRING)
        @JdbcTypeCode(SqlTypes.NAMED_ENUM)
        Priority priority;

        @Enumerated(EnumType.STRING)
        @JdbcTypeCode(SqlTypes.NAMED_ENUM)
        Stage stage;
    }

    @Entity(name = "Escalation")
    static class Escalation {
        @Id
        @GeneratedValue
        Long id;

        @Enumerated(EnumType.STRING)
        @JdbcTypeCode(SqlTypes.NAMED_ENUM)
        Priority raisedTo;
    }
}
