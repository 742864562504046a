package dev.migrate.autoconfigure.autogen.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "customers", comment = "people who buy",
        indexes = @Index(name = "ix_customers_last_name", columnList = "last_name"),
        uniqueConstraints = @UniqueConstraint(name = "uq_customers_email", columnNames = "email"))
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(nullable = false, length = 320)
    private String email;

    @Column(length = 100)
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Tier tier;

    @Enumerated(EnumType.ORDINAL)
    private Tier level;

    @Embedded
    private Address address;

    @ElementCollection
    @CollectionTable(name = "customer_tags", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "tag", length = 50)
    private Set<String> tags;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> preferences;

    @Column(precision = 12, scale = 2)
    private BigDecimal credit;

    @Column(columnDefinition = "text")
    private String notes;

    @ColumnDefault("'NEW'")
    @Column(length = 10)
    private String status;

    @Column(comment = "when the customer signed up")
    private Instant createdAt;
}
