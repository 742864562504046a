package dev.migrate.autoconfigure.autogen.edits.entity;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer of the shop model; this package's edit: a new entity. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue
    Long id;

    @Column(name = "name", length = 50)
    String name;

    @Column(precision = 10, scale = 2)
    BigDecimal balance;

    @Column(name = "visits")
    int visits;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    Status status;
}
