package dev.migrate.autoconfigure.availability;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import dev.migrate.runtime.MigrationListener;
import dev.migrate.runtime.RunEvent;
import dev.migrate.runtime.RunResult;

/**
 * Keeps the application out of the load balancer while a run changes its database: readiness is
 * {@code REFUSING_TRAFFIC} from the moment a run starts on an application that accepts traffic, or from the moment
 * an application becomes ready while a run is under way (a {@code MigrateStrategy} that upgrades in the background
 * while the application starts), until the last run has ended, whether it succeeded or not (a failed run leaves the
 * database as it was before the failing revision, which the {@code migrate} health indicator then reports). Runs that
 * end before the application is ready change nothing: it is not ready until they are done.
 */
public class MigrateReadiness implements MigrationListener, ApplicationListener<AvailabilityChangeEvent<?>>, Ordered {

    private final ApplicationAvailability availability;

    private final ApplicationEventPublisher publisher;

    /** Runs under way. */
    private int running;

    /** Whether readiness is refused on account of those runs. */
    private boolean refused;

    public MigrateReadiness(ApplicationAvailability availability, ApplicationEventPublisher publisher) {
        this.availability = availability;
        this.publisher = publisher;
    }

    @Override
    public synchronized void runStarted(RunEvent event) {
        running++;
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            refuse();
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

    private synchronized void ended() {
        running--;
        if (running == 0 && refused) {
            refused = false;
            AvailabilityChangeEvent.publish(publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    /**
     * The application became ready (or was made ready by someone else) while a run is under way: not yet. Someone
     * else refusing traffic (the context closing, an operator) takes the refusal over: the end of the run then does
     * not open traffic again.
     */
    @Override
    public synchronized void onApplicationEvent(AvailabilityChangeEvent<?> event) {
        if (event.getSource() == this) {
            return;
        }
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && running > 0) {
            refused = false;
            refuse();
        }
        else if (event.getState() == ReadinessState.REFUSING_TRAFFIC) {
            refused = false;
        }
    }

    private void refuse() {
        if (!refused) {
            refused = true;
            AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
        }
    }

    /**
     * After Spring Boot's own availability listener, so that its record of the state readiness is leaving comes
     * before the refusal this publishes.
     */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
