package dev.migrate.autoconfigure.endpoint;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;

import dev.migrate.Migrate;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;
import dev.migrate.runtime.StateTables.HistoryRecord;

/**
 * The {@code migrate} actuator endpoint: for each {@link Migrate} bean of the context and its parents, the
 * revisions the database is at, the heads, the pending revisions in the order they would run, the branch points,
 * and the history table. Read-only; it shows no connection settings, and the database's error messages (which can
 * quote row values) only as {@code management.endpoint.migrate.show-errors} allows.
 */
@Endpoint(id = "migrate")
public class MigrateEndpoint {

    private static final Pattern SQL_STATE = Pattern.compile("\\[SQLState [0-9A-Z]{5}\\]");

    private final ApplicationContext context;

    private final Show showErrors;

    private final Set<String> roles;

    /** An endpoint that never shows the database's error messages. */
    public MigrateEndpoint(ApplicationContext context) {
        this(context, Show.NEVER, Set.of());
    }

    /**
     * @param showErrors when the database's error messages of failed steps are shown (they can quote row values)
     * @param roles the roles that authorize a user to see them, for {@link Show#WHEN_AUTHORIZED}
     */
    public MigrateEndpoint(ApplicationContext context, Show showErrors, Set<String> roles) {
        this.context = context;
        this.showErrors = showErrors;
        this.roles = Set.copyOf(roles);
    }

    @ReadOperation
    public MigrateBeansDescriptor migrateBeans(SecurityContext securityContext) {
        boolean errorsShown = showErrors.isShown(securityContext, roles);
        Map<String, ContextMigrateBeansDescriptor> contexts = new HashMap<>();
        ApplicationContext target = context;
        while (target != null) {
            Map<String, MigrateDescriptor> beans = new HashMap<>();
            target.getBeansOfType(Migrate.class).forEach((name, migrate) -> beans.put(name, describe(migrate,
                    errorsShown)));
            ApplicationContext parent = target.getParent();
            contexts.put(target.getId(), new ContextMigrateBeansDescriptor(beans, parent == null ? null : parent.getId()));
            target = parent;
        }
        return new MigrateBeansDescriptor(contexts);
    }

    private static MigrateDescriptor describe(Migrate migrate, boolean errorsShown) {
        RevisionGraph graph = migrate.graph();
        List<String> current = migrate.current();
        List<RevisionDescriptor> pending = migrate.planner().upgrade(current, "heads").steps().stream()
                .map(step -> RevisionDescriptor.of(step.revision()))
                .toList();
        List<BranchDescriptor> branches = graph.branchPoints().stream()
                .map(point -> new BranchDescriptor(point.id(), graph.childrenOf(point).stream().map(Revision::id).toList()))
                .toList();
        List<HistoryDescriptor> history = migrate.log().stream().map(record -> HistoryDescriptor.of(record, errorsShown))
                .toList();
        return new MigrateDescriptor(current, graph.heads().stream().map(RevisionDescriptor::of).toList(), pending,
                branches, history);
    }

    /** Every context's Migrate beans. */
    public record MigrateBeansDescriptor(Map<String, ContextMigrateBeansDescriptor> contexts)
            implements OperationResponseBody {
    }

    /** One context's Migrate beans by name. */
    public record ContextMigrateBeansDescriptor(Map<String, MigrateDescriptor> migrateBeans, String parentId) {
    }

    /** What one Migrate bean knows. */
    public record MigrateDescriptor(List<String> current, List<RevisionDescriptor> heads,
            List<RevisionDescriptor> pending, List<BranchDescriptor> branches, List<HistoryDescriptor> history) {
    }

    /** A revision's identity. */
    public record RevisionDescriptor(String revision, List<String> parents, List<String> branchLabels,
            List<String> dependsOn, String message) {

        static RevisionDescriptor of(Revision revision) {
            return new RevisionDescriptor(revision.id(), revision.parents(),
                    revision.branchLabels().stream().sorted().toList(), revision.dependsOn(), revision.message());
        }
    }

    /** A branch point and the revisions that follow it. */
    public record BranchDescriptor(String branchPoint, List<String> children) {
    }

    /** A row of the history table; the error is redacted unless errors are shown. */
    public record HistoryDescriptor(String revision, String message, String direction, String checksum,
            Instant appliedAt, Long durationMillis, String appliedBy, Boolean success, String error) {

        static HistoryDescriptor of(HistoryRecord record, boolean errorShown) {
            return new HistoryDescriptor(record.revision(), record.message(), record.direction(), record.checksum(),
                    record.startedAt(), record.durationMillis(), record.appliedBy(), record.success(),
                    errorShown || record.error() == null ? record.error() : redacted(record.error()));
        }

        /**
         * An error without the database's message: its SQLState when it has one. The message can quote row values
         * ({@code Key (email)=(someone@example.com) already exists}, {@code invalid input syntax for type uuid:
         * "..."}).
         */
        static String redacted(String error) {
            Matcher state = SQL_STATE.matcher(error);
            return (state.lookingAt() ? state.group() + " " : "") + "(the message is not shown: it can hold row "
                    + "values; it is in the history table and the log, and management.endpoint.migrate.show-errors "
                    + "shows it here)";
        }
    }
}
