package dev.migrate.autoconfigure.autogen.edits.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** A payment of the shop model: a hierarchy, here mapped SINGLE_TABLE. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Payment {

    @Id
    @GeneratedValue
    Long id;

    long cents;
}
