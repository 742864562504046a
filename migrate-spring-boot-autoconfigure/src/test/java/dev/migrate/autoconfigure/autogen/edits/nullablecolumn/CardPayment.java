package dev.migrate.autoconfigure.autogen.edits.nullablecolumn;

import jakarta.persistence.Entity;

/** A card payment. */
@Entity
public class CardPayment extends Payment {

    String lastDigits;
}
