package dev.migrate.autoconfigure.autogen.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;

/** Element collections: an ordered list, a set, a map, and an embeddable list kept in order by a column. */
final class Collections {

    private Collections() {
    }

    @Embeddable
    static class Edit {
        @Column(length = 40)
        String editor;

        java.time.LocalDateTime editedAt;
    }

    @Entity(name = "Article")
    static class Article {
        @Id
        @GeneratedValue
        Long id;

        @ElementCollection
        @OrderColumn(name = "position")
        List<String> tags = new ArrayList<>();

        @ElementCollection
        @CollectionTable(name = "article_labels", joinColumns = @JoinColumn(name = "article"))
        Set<String> labels = new HashSet<>();

        @ElementCollection
        @MapKeyColumn(name = "word", length = 50)
        @Column(name = "occurrences")
        Map<String, Integer> wordCounts = new HashMap<>();

        @ElementCollection
        @OrderBy("editedAt DESC")
        List<Edit> edits = new ArrayList<>();
    }
}
