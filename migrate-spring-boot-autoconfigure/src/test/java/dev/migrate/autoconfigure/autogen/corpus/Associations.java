package dev.migrate.autoconfigure.autogen.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;

/** Every association: many-to-one, one-to-many (mapped, joined by a column, through a join table), many-to-many,
 * one-to-one by a foreign key and by a shared key ({@code @MapsId}), and an on-delete cascade. */
final class Associations {

    private Associations() {
    }

    @Entity(name = "Author")
    static class Author {
        @Id
        @GeneratedValue
        Long id;

        String name;

        @OneToMany(mappedBy = "author")
        List<Book> books = new ArrayList<>();

        @OneToOne
        Passport passport;

        @OneToMany
        @JoinTable(name = "author_awards")
        List<Award> awards = new ArrayList<>();
    }

    @Entity(name = "Passport")
    static class Passport {
        @Id
        @GeneratedValue
        Long id;

        String number;
    }

    @Entity(name = "Award")
    static class Award {
        @Id
        @GeneratedValue
        Long id;

        String title;
    }

    @Entity(name = "AuthorProfile")
    static class AuthorProfile {
        @Id
        Long id;

        @OneToOne(fetch = FetchType.LAZY)
        @MapsId
        Author author;

        String biography;
    }

    @Entity(name = "Book")
    static class Book {
        @Id
        @GeneratedValue
        Long id;

        String title;

        @ManyToOne(optional = false)
        Author author;

        @OneToMany
        @JoinColumn(name = "book_id")
        List<Chapter> chapters = new ArrayList<>();

        @ManyToMany
        Set<Library> libraries = new HashSet<>();
    }

    @Entity(name = "Chapter")
    static class Chapter {
        @Id
        @GeneratedValue
        Long id;

        String heading;
    }

    @Entity(name = "Library")
    static class Library {
        @Id
        @GeneratedValue
        Long id;

        String city;
    }

    @Entity(name = "Review")
    static class Review {
        @Id
        @GeneratedValue
        Long id;

        @ManyToOne
        @OnDelete(action = OnDeleteAction.CASCADE)
        Book book;

        int stars;
    }
}
