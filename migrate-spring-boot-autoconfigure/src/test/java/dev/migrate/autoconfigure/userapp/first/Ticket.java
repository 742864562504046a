package dev.migrate.autoconfigure.userapp.first;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A support ticket. */
@Entity
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_ids")
    @SequenceGenerator(name = "ticket_ids", sequenceName = "ticket_seq", allocationSize = 50)
    Long id;

    @Column(length = 200, nullable = false)
    String title;
}
