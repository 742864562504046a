package dev.migrate.autoconfigure.autogen.corpus;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.TableGenerator;

/** One entity per id strategy. */
final class Identifiers {

    private Identifiers() {
    }

    @Entity(name = "IdentityThing")
    static class IdentityThing {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        String name;
    }

    @Entity(name = "SequenceThing")
    static class SequenceThing {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "thing_seq")
        @SequenceGenerator(name = "thing_seq", sequenceName = "thing_seq", allocationSize = 20, initialValue = 100)
        Long id;

        String name;
    }

    @Entity(name = "TableGeneratedThing")
    static class TableGeneratedThing {
        @Id
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "thing_ids")
        @TableGenerator(name = "thing_ids", table = "id_generators", pkColumnName = "generator", valueColumnName = "next")
        Long id;

        String name;
    }

    @Entity(name = "UuidThing")
    static class UuidThing {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        UUID id;

        String name;
    }

    @Entity(name = "AssignedThing")
    static class AssignedThing {
        @Id
        String code;

        String name;
    }

    @Entity(name = "AutoThing")
    static class AutoThing {
        @Id
        @GeneratedValue
        Long id;

        String name;
    }
}
