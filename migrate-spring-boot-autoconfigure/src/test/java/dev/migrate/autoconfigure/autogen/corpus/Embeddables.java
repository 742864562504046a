package dev.migrate.autoconfigure.autogen.corpus;

import java.math.BigDecimal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Embeddables: nested, used twice with overrides, and a record. */
final class Embeddables {

    private Embeddables() {
    }

    @Embeddable
    static class Geo {
        double latitude;

        double longitude;
    }

    @Embeddable
    static class Address {
        @Column(length = 120)
        String street;

        String city;

        @Embedded
        Geo geo;
    }

    @Embeddable
    record Money(@Column(precision = 14, scale = 2) BigDecimal amount, @Column(length = 3) String currency) {
    }

    @Entity(name = "Person")
    static class Person {
        @Id
        @GeneratedValue
        Long id;

        @Embedded
        Address home;

        @Embedded
        @AttributeOverrides({ @AttributeOverride(name = "street", column = @Column(name = "work_street")),
            @AttributeOverride(name = "city", column = @Column(name = "work_city")),
            @AttributeOverride(name = "geo.latitude", column = @Column(name = "work_latitude")),
            @AttributeOverride(name = "geo.longitude", column = @Column(name = "work_longitude")) })
        Address work;

        @Embedded
        Money salary;
    }
}
