package dev.migrate.autoconfigure.autogen.corpus;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** Keys, column options, constraints and types. */
final class Columns {

    private Columns() {
    }

    @Entity(name = "Document")
    @SecondaryTable(name = "document_bodies", pkJoinColumns = @PrimaryKeyJoinColumn(name = "document_id"))
    static class Document {
        @Id
        @GeneratedValue
        Long id;

        String title;

        @Column(table = "document_bodies", length = 4000)
        String body;
    }

    static class LineKey implements Serializable {
        Long orderNumber;

        Integer line;

        @Override
        public boolean equals(Object other) {
            return other instanceof LineKey key && Objects.equals(orderNumber, key.orderNumber)
                    && Objects.equals(line, key.line);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderNumber, line);
        }
    }

    @Entity(name = "InvoiceLine")
    @IdClass(LineKey.class)
    static class InvoiceLine {
        @Id
        Long orderNumber;

        @Id
        Integer line;

        String item;
    }

    @Embeddable
    record EnrollmentKey(Long student, @Column(length = 20) String course) implements Serializable {
    }

    @Entity(name = "Enrollment")
    static class Enrollment {
        @EmbeddedId
        EnrollmentKey key;

        LocalDate enrolledOn;
    }

    @Entity(name = "Note")
    @SoftDelete
    static class Note {
        @Id
        @GeneratedValue
        Long id;

        String text;
    }

    @Entity(name = "Meeting")
    static class Meeting {
        @Id
        @GeneratedValue
        Long id;

        @TimeZoneStorage(TimeZoneStorageType.COLUMN)
        OffsetDateTime startsAt;

        @Column(secondPrecision = 3)
        Instant recordedAt;
    }

    @Entity(name = "Attachment")
    static class Attachment {
        @Id
        @GeneratedValue
        Long id;

        @Lob
        byte[] content;

        @Lob
        String transcript;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> metadata;

        String[] keywords;

        Integer[] ratings;
    }

    @Entity
    @Table(name = "accounts", comment = "customer accounts", check = @CheckConstraint(name = "accounts_limit_check",
            constraint = "credit_limit >= 0"), indexes = {
                @Index(name = "idx_accounts_owner_opened", columnList = "owner_id, opened_at DESC"),
                @Index(name = "idx_accounts_iban", columnList = "iban", unique = true) },
            uniqueConstraints = @UniqueConstraint(name = "uq_accounts_owner_name", columnNames = { "owner_id", "name" }))
    @Check(name = "accounts_balance_check", constraints = "balance >= -credit_limit")
    static class Account {
        @Id
        @GeneratedValue
        Long id;

        @NaturalId
        @Column(length = 34)
        String iban;

        @Column(unique = true, length = 64)
        String reference;

        @Column(name = "owner_id")
        Long ownerId;

        @Column(length = 80)
        String name;

        @Column(precision = 12, scale = 2)
        @ColumnDefault("0")
        java.math.BigDecimal balance;

        @Column(name = "credit_limit", precision = 12, scale = 2, nullable = false)
        java.math.BigDecimal creditLimit;

        @Column(name = "opened_at")
        Instant openedAt;

        @Column(columnDefinition = "varchar(64) default 'UTC' not null")
        String timeZone;

        @Comment("two-letter code")
        @Column(length = 2, comment = "ISO 3166", check = @CheckConstraint(name = "accounts_country_check",
                constraint = "country = upper(country)"))
        String country;
    }

    /** Names that are reserved words. */
    @Entity(name = "Purchase")
    @Table(name = "\"order\"")
    static class Order {
        @Id
        @GeneratedValue
        Long id;

        @Column(name = "\"user\"")
        String user;

        @Column(name = "\"group\"")
        String group;

        @Column(name = "\"select\"")
        int select;
    }
}
