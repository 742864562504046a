package dev.migrate.autoconfigure.health;

import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.migrate.Migrate;
import dev.migrate.revision.Revision;

/**
 * UP when the database is at the heads; otherwise the configured status, with the pending revisions or the
 * revisions the database holds that the application does not know.
 */
public class MigrateHealthIndicator extends AbstractHealthIndicator {

    private final Migrate migrate;

    private final Status pendingStatus;

    private final Status unknownRevisionStatus;

    public MigrateHealthIndicator(Migrate migrate, Status pendingStatus, Status unknownRevisionStatus) {
        super("Migrate health check failed");
        this.migrate = migrate;
        this.pendingStatus = pendingStatus;
        this.unknownRevisionStatus = unknownRevisionStatus;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<String> current = migrate.current();
        List<String> heads = migrate.heads().stream().map(Revision::id).toList();
        builder.withDetail("current", current).withDetail("heads", heads);
        List<String> unknown = current.stream().filter(row -> migrate.graph().get(row) == null).toList();
        if (!unknown.isEmpty()) {
            builder.status(unknownRevisionStatus).withDetail("unknownRevisions", unknown);
            return;
        }
        List<String> pending = migrate.planner().upgrade(current, "heads").revisionIds();
        if (!pending.isEmpty()) {
            builder.status(pendingStatus).withDetail("pending", pending);
            return;
        }
        builder.up();
    }
}
