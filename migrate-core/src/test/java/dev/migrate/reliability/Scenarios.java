package dev.migrate.reliability;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.bigint;
import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.string;

/** The revision sets that the reliability tests run in separate processes. */
final class Scenarios {

    private Scenarios() {
    }

    static ScriptDirectory named(String name) {
        return switch (name) {
            case "chain100" -> chain(100, 0);
            case "slow60" -> chain(60, 30);
            case "cic" -> concurrentIndex();
            case "nontx" -> interruptedNonTransactional();
            case "batched" -> batched();
            default -> throw new IllegalArgumentException("no scenario " + name);
        };
    }

    static String id(int i) {
        return String.format("r%03d", i);
    }

    static String table(int i) {
        return String.format("t%03d", i);
    }

    /**
     * {@code count} revisions, each creating a table with a primary key, an index and a few rows; with
     * {@code sleepMillis} each also waits, to widen the window for a kill.
     */
    static ScriptDirectory chain(int count, int sleepMillis) {
        List<TestRevision> revisions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String table = table(i);
            revisions.add(TestRevision.of(id(i), i == 1 ? null : id(i - 1), op -> {
                op.createTable(table, column("id", bigint()).primaryKey(), column("name", string(40)).notNull());
                op.createIndex("ix_" + table + "_name", table, "name");
                op.execute("INSERT INTO " + table + " (id, name) SELECT g, 'row ' || g FROM generate_series(1, 200) g");
                if (sleepMillis > 0) {
                    op.execute("SELECT pg_sleep(" + sleepMillis / 1000.0 + ")");
                }
            }, op -> op.dropTable(table)));
        }
        return ScriptDirectory.of(revisions);
    }

    /** A big table, then a non-transactional revision that indexes it CONCURRENTLY. */
    static ScriptDirectory concurrentIndex() {
        return ScriptDirectory.of(List.of(
                TestRevision.of("c001", null, op -> {
                    op.createTable("big", column("id", bigint()).primaryKey(), column("name", string(40)));
                    op.execute("INSERT INTO big SELECT g, 'n' || g FROM generate_series(1, 200000) g");
                }, op -> op.dropTable("big")),
                TestRevision.of("c002", "c001", op -> {
                    op.execute("SELECT pg_sleep(1)");
                    op.createIndex("ix_big_name", "big", i -> i.columns("name").concurrently());
                }, op -> op.dropIndexConcurrently("ix_big_name")).nonTransactional(),
                TestRevision.of("c003", "c002", op -> op.createTable("after_index", column("id", bigint())),
                        op -> op.dropTable("after_index"))));
    }

    /** 2,500 rows, then a batched update in batches of 1,000 that counts how often it touched each row. */
    static ScriptDirectory batched() {
        return ScriptDirectory.of(List.of(
                TestRevision.of("u001", null, op -> {
                    op.createTable("people", column("id", bigint()).primaryKey(), column("touched", bigint()).notNull());
                    op.execute("INSERT INTO people SELECT g, 0 FROM generate_series(1, 2500) g");
                }, op -> op.dropTable("people")),
                TestRevision.of("u002", "u001", op -> op.batchUpdate("people", "id", "touched = touched + 1", null, 1000),
                        op -> op.execute("UPDATE people SET touched = 0")).nonTransactional()));
    }

    /** A non-transactional revision that takes long enough to be killed between its statements. */
    static ScriptDirectory interruptedNonTransactional() {
        return ScriptDirectory.of(List.of(
                TestRevision.of("n001", null, op -> op.createTable("first", column("id", bigint())), op -> op.dropTable("first")),
                TestRevision.of("n002", "n001", op -> {
                    op.createTable("half", column("id", bigint()));
                    op.execute("SELECT pg_sleep(30)");
                    op.createTable("never", column("id", bigint()));
                }, op -> {
                    op.dropTable("never");
                    op.dropTable("half");
                }).nonTransactional()));
    }
}
