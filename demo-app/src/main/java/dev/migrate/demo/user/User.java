package dev.migrate.demo.user;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "users", indexes = @Index(name = "idx_users_email", columnList = "email", unique = true))
public class User {

    @Id
    private UUID id;

    @Column(nullable = false, length = 255)
    private String email;

    @Column(nullable = false, length = 255)
    private String hashedPassword;

    @ColumnDefault("CURRENT_TIMESTAMP")
    private OffsetDateTime createdAt;

    @Column(length = 100)
    private String fullName;

    @Column(length = 255)
    private String normalizedEmail;

    protected User() {
    }

    public User(String email, String hashedPassword, String fullName) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.hashedPassword = hashedPassword;
        this.fullName = fullName;
        this.normalizedEmail = email.toLowerCase(java.util.Locale.ROOT);
        this.createdAt = OffsetDateTime.now();
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getFullName() {
        return fullName;
    }

    public String getNormalizedEmail() {
        return normalizedEmail;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
