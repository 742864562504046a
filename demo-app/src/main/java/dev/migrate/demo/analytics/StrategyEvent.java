package dev.migrate.demo.analytics;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import dev.migrate.demo.strategy.Strategy;

/** What happened to a strategy; added on the analytics branch of the revisions. */
@Entity
@Table(name = "strategy_events")
public class StrategyEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "strategy_id", foreignKey = @ForeignKey(name = "fk_strategy_events_strategy"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Strategy strategy;

    @Column(nullable = false, length = 50)
    private String kind;

    @Column(nullable = false)
    private OffsetDateTime occurredAt;

    protected StrategyEvent() {
    }
}
