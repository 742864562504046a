package dev.migrate.runtime;

import java.time.Duration;

/**
 * How politely a revision's DDL waits for locks. A statement that waits for a table lock queues every later query
 * on that table behind it, so each waits at most {@code lockTimeout} ({@code lock_timeout}); a revision that gave
 * up is rolled back and tried again after {@code retryDelay}, doubled at each retry, at most {@code retries} times.
 * Concurrent index builds wait for old transactions by design and are left without a lock timeout.
 *
 * @param lockTimeout how long a statement may wait for a lock, or {@code null} for as long as it takes
 * @param statementTimeout how long a statement may run ({@code statement_timeout}), or {@code null} for no limit
 * @param retries how many times a revision that gave up waiting is tried again
 * @param retryDelay the wait before the first retry
 */
public record LockTimeouts(Duration lockTimeout, Duration statementTimeout, int retries, Duration retryDelay) {

    /** Ten seconds' wait for a lock, three retries starting five seconds apart, no statement timeout. */
    public static final LockTimeouts DEFAULT = new LockTimeouts(Duration.ofSeconds(10), null, 3, Duration.ofSeconds(5));

    /** Wait as long as it takes, as PostgreSQL does by default. */
    public static final LockTimeouts OFF = new LockTimeouts(null, null, 0, Duration.ZERO);

    public LockTimeouts {
        if (lockTimeout != null && (lockTimeout.isNegative() || lockTimeout.isZero())) {
            throw new IllegalArgumentException("The lock timeout must be positive (or null for none): " + lockTimeout);
        }
        if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero())) {
            throw new IllegalArgumentException("The statement timeout must be positive (or null for none): "
                    + statementTimeout);
        }
        for (Duration timeout : new Duration[] { lockTimeout, statementTimeout }) {
            if (timeout != null && timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("PostgreSQL takes timeouts up to " + Integer.MAX_VALUE + " ms, "
                        + "not " + timeout);
            }
        }
        if (retries < 0 || retryDelay == null || retryDelay.isNegative()) {
            throw new IllegalArgumentException("Retries and their delay must not be negative");
        }
    }

    /** The wait before retry {@code n} (1 for the first). */
    Duration delayBefore(int retry) {
        Duration delay = retryDelay.multipliedBy(1L << Math.min(retry - 1, 10));
        return delay.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : delay;
    }
}
