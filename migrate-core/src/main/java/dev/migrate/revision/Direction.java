package dev.migrate.revision;

/** Which way a step moves a revision. */
public enum Direction {

    /** Run the revision's upgrade. */
    UPGRADE,

    /** Run the revision's downgrade. */
    DOWNGRADE;

    /** Lower-case name, as the history table and logs show it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
