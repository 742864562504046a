package dev.migrate.op;

/** Something a {@code createTable} call lists: a column or a table constraint. */
public sealed interface TableElement permits Column, PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint {
}
