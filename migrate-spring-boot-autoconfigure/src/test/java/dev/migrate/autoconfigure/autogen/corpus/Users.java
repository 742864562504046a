package dev.migrate.autoconfigure.autogen.corpus;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Users and authorities of the shape JHipster generates (its {@code jhi_} tables). */
final class Users {

    private Users() {
    }

    @Entity(name = "Authority")
    @Table(name = "jhi_authority")
    static class Authority {
        @Id
        @Column(length = 50)
        String name;
    }

    @Entity(name = "User")
    @Table(name = "jhi_user")
    static class User {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
        @SequenceGenerator(name = "sequenceGenerator")
        Long id;

        @Column(length = 50, unique = true, nullable = false)
        String login;

        @Column(name = "password_hash", length = 60, nullable = false)
        String password;

        @Column(length = 254, unique = true)
        String email;

        @Column(nullable = false)
        boolean activated;

        @Column(name = "created_date", updatable = false)
        Instant createdDate;

        @ManyToMany
        @JoinTable(name = "jhi_user_authority", joinColumns = @JoinColumn(name = "user_id", referencedColumnName = "id"),
                inverseJoinColumns = @JoinColumn(name = "authority_name", referencedColumnName = "name"))
        Set<Authority> authorities = new HashSet<>();
    }
}
