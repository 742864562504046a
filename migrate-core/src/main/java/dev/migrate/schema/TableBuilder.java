package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;

/** A table while a reader's queries come in, one kind of fact at a time. */
final class TableBuilder {

    String comment;

    final List<Schema.Column> columns = new ArrayList<>();

    List<String> primaryKey = List.of();

    final List<Schema.ForeignKey> foreignKeys = new ArrayList<>();

    final List<Schema.Unique> uniques = new ArrayList<>();

    final List<Schema.Index> indexes = new ArrayList<>();

    final List<Schema.Check> checks = new ArrayList<>();

    Schema.Table build(String name) {
        return new Schema.Table(name, columns, primaryKey, foreignKeys, uniques, indexes, checks, comment);
    }
}
