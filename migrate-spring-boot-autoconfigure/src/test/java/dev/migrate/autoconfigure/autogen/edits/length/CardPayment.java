package dev.migrate.autoconfigure.autogen.edits.length;

import jakarta.persistence.Entity;

/** A card payment. */
@Entity
public class CardPayment extends Payment {

    String lastDigits;
}
