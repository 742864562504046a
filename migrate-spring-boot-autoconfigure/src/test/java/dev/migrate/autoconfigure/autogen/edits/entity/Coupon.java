package dev.migrate.autoconfigure.autogen.edits.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A coupon, the entity this edit adds. */
@Entity
public class Coupon {

    @Id
    @GeneratedValue
    Long id;

    String code;
}
