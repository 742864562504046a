package dev.migrate.demo.credits;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;

import dev.migrate.demo.user.User;

/** A user's credit balance, which must never go below zero (the database checks it). */
@Entity
@Table(name = "credits")
@Check(name = "credits_balance_check", constraints = "balance >= 0")
public class Credits {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", foreignKey = @ForeignKey(name = "fk_credits_user_id"))
    private User user;

    @ColumnDefault("0")
    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal balance;

    protected Credits() {
    }
}
