package dev.migrate.autoconfigure.autogen.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {

    @Column(length = 200)
    private String street;

    @Column(length = 100)
    private String city;
}
