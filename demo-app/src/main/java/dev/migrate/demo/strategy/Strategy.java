package dev.migrate.demo.strategy;

import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.type.SqlTypes;

import dev.migrate.demo.user.User;

@Entity
@Table(name = "strategies", indexes = @Index(name = "idx_strategies_user_id", columnList = "user_id"))
public class Strategy {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", foreignKey = @ForeignKey(name = "fk_strategies_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private User owner;

    @Column(nullable = false, length = 255)
    private String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> definition;

    @ColumnDefault("'DRAFT'")
    @Column(length = 20)
    private String status;

    protected Strategy() {
    }

    public Strategy(User owner, String name, Map<String, Object> definition) {
        this.id = UUID.randomUUID();
        this.owner = owner;
        this.name = name;
        this.definition = definition;
        this.status = "DRAFT";
    }

    public UUID getId() {
        return id;
    }

    public User getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }

    public Map<String, Object> getDefinition() {
        return definition;
    }

    public String getStatus() {
        return status;
    }
}
