package dev.migrate.autoconfigure.availability;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

import dev.migrate.runtime.MigrationListener;
import dev.migrate.runtime.RunEvent;
import dev.migrate.runtime.RunResult;

/**
 * Keeps the application out of the load balancer while a run changes its database after it became ready (a
 * {@code MigrateStrategy} that upgrades in the background, a command sent to a running application): readiness goes
 * to {@code REFUSING_TRAFFIC} when such a run starts and back to {@code ACCEPTING_TRAFFIC} when the last one ends,
 * whether it succeeded or not (a failed run leaves the database as it was before the failing revision, which the
 * {@code migrate} health indicator then reports). Runs during start-up change nothing: the application is not ready
 * until they are done.
 */
public class MigrateReadiness implements MigrationListener {

    private final ApplicationAvailability availability;

    private final ApplicationEventPublisher publisher;

    private final AtomicInteger refusing = new AtomicInteger();

    public MigrateReadiness(ApplicationAvailability availability, ApplicationEventPublisher publisher) {
        this.availability = availability;
        this.publisher = publisher;
    }

    @Override
    public void runStarted(RunEvent event) {
        synchronized (refusing) {
            if (refusing.get() > 0 || availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
                if (refusing.getAndIncrement() == 0) {
                    AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
                }
            }
        }
    }

    @Override
    public void runFinished(RunEvent event, RunResult result) {
        ended();
    }

    @Override
    public void runFailed(RunEvent event, Throwable failure) {
        ended();
    }

    private void ended() {
        synchronized (refusing) {
            if (refusing.get() > 0 && refusing.decrementAndGet() == 0) {
                AvailabilityChangeEvent.publish(publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
        }
    }
}
