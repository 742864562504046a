package dev.migrate.autoconfigure.autogen.struct;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.annotations.Struct;

/** An embeddable Hibernate stores as a PostgreSQL composite type ({@code create type ... as (...)}). */
public final class Shipments {

    private Shipments() {
    }

    @Embeddable
    @Struct(name = "postal_address")
    static class PostalAddress {
        String city;

        String street;
    }

    @Entity(name = "Shipment")
    static class Shipment {
        @Id
        @GeneratedValue
        Long id;

        PostalAddress destination;
    }
}
