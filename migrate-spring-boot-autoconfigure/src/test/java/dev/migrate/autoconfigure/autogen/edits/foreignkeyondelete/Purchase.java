package dev.migrate.autoconfigure.autogen.edits.foreignkeyondelete;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A purchase of the shop model. */
@Entity
public class Purchase {

    @Id
    @GeneratedValue
    Long id;

    @ManyToOne
    @org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.CASCADE)
    Customer customer;
}
