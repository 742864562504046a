package dev.migrate.lint;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a statement does to a PostgreSQL database that is serving traffic, with the lock it takes, why that hurts,
 * and the safe way to get the same change. Each has the id a revision acknowledges it by.
 */
public enum Hazard {

    INDEX_WITHOUT_CONCURRENTLY("SHARE on the table (CREATE INDEX), ACCESS EXCLUSIVE (DROP INDEX)",
            "every write to the table waits for the whole index build",
            "CREATE INDEX CONCURRENTLY (DROP INDEX CONCURRENTLY) in a non-transactional revision"),

    CONCURRENTLY_IN_TRANSACTION("none: PostgreSQL refuses it",
            "CONCURRENTLY cannot run inside a transaction block, so the revision fails when it runs",
            "declare the revision non-transactional (transactional = false, '-- transactional: false')"),

    NOT_NULL_COLUMN_WITHOUT_DEFAULT("ACCESS EXCLUSIVE on the table",
            "adding a NOT NULL column without a default fails on a table that has rows",
            "add the column nullable, backfill it with op.batchUpdate, then set NOT NULL the safe way; or give it "
                    + "a constant default"),

    VOLATILE_DEFAULT("ACCESS EXCLUSIVE on the table while it is rewritten",
            "a volatile default (random(), clock_timestamp(), gen_random_uuid(), nextval()) is computed for every "
                    + "row, rewriting the whole table",
            "add the column without a default, then set the default, then backfill the existing rows in batches"),

    COLUMN_TYPE_CHANGE("ACCESS EXCLUSIVE on the table while it is rewritten",
            "changing a column's type rewrites the table and its indexes unless the new type is binary-coercible "
                    + "(varchar widening, varchar to text, more numeric precision at the same scale)",
            "expand and contract: add a column of the new type, backfill it with op.batchUpdate, switch the code, "
                    + "drop the old column"),

    SET_NOT_NULL("ACCESS EXCLUSIVE on the table while it scans every row",
            "SET NOT NULL reads the whole table with every query on it waiting",
            "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c (in a later revision); "
                    + "SET NOT NULL, which PostgreSQL 12 and later prove from the check without a scan; DROP "
                    + "CONSTRAINT c"),

    CONSTRAINT_WITHOUT_NOT_VALID("SHARE ROW EXCLUSIVE on both tables (FOREIGN KEY), ACCESS EXCLUSIVE (CHECK), "
            + "while it scans", "a validated constraint reads the whole table before the lock is released",
            "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later revision (it takes a lock that "
                    + "lets reads and writes go on)"),

    UNIQUE_WITHOUT_INDEX("ACCESS EXCLUSIVE on the table while the index is built",
            "ADD UNIQUE or PRIMARY KEY builds its index with every query waiting",
            "CREATE UNIQUE INDEX CONCURRENTLY in a non-transactional revision, then ADD CONSTRAINT ... UNIQUE "
                    + "USING INDEX (or PRIMARY KEY USING INDEX)"),

    RENAME("ACCESS EXCLUSIVE on the table, briefly",
            "the application that is running uses the old name until it is redeployed, and fails",
            "expand and contract: add the new column or table, copy, switch the code, drop the old one later"),

    DROP("ACCESS EXCLUSIVE on the table",
            "the data is gone, and the running application may still read it",
            "release code that no longer uses it first, back the data up, then drop it in a later release"),

    JSON_TYPE("none", "json keeps the text as written: no equality (DISTINCT, GROUP BY, UNIQUE fail), no GIN index",
            "jsonb"),

    NOT_RERUNNABLE("none",
            "a non-transactional revision that fails midway runs again from its start, and a statement without IF "
                    + "[NOT] EXISTS then fails on what the first attempt made (a failed CREATE INDEX CONCURRENTLY "
                    + "leaves an invalid index behind)",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS, DROP ... IF EXISTS, ADD COLUMN IF NOT EXISTS"),

    NO_LOCK_TIMEOUT("whatever the DDL takes, for as long as it waits",
            "DDL that waits for a lock queues every later query on the table behind it",
            "keep the runner's lock timeout (migrate.lock-timeout), or SET lock_timeout in the revision");

    private final String lock;

    private final String why;

    private final String instead;

    Hazard(String lock, String why, String instead) {
        this.lock = lock;
        this.why = why;
        this.instead = instead;
    }

    /** The id a revision acknowledges the hazard by, such as {@code set-not-null}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String lock() {
        return lock;
    }

    public String why() {
        return why;
    }

    public String instead() {
        return instead;
    }

    /** The hazard with this id, or {@code null}. */
    public static Hazard byId(String id) {
        return Arrays.stream(values()).filter(hazard -> hazard.id().equals(id)).findFirst().orElse(null);
    }
}
