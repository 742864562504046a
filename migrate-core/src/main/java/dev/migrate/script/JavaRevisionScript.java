package dev.migrate.script;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.op.Operation;
import dev.migrate.op.Operations;
import dev.migrate.op.RevisionContext;
import dev.migrate.revision.Revision;

/** A revision written as a {@link JavaRevision} class. */
public final class JavaRevisionScript implements RevisionScript {

    private final Class<?> type;

    private final Revision revision;

    private final boolean transactional;

    private JavaRevision instance;

    private String checksum;

    private JavaRevisionScript(Class<?> type, Revision revision, boolean transactional) {
        this.type = type;
        this.revision = revision;
        this.transactional = transactional;
    }

    /**
     * Reads a revision class's identity; the class is instantiated only when its operations are needed.
     *
     * @throws ScriptException when the class lacks {@link RevisionInfo}, does not implement {@link JavaRevision},
     *     or cannot be instantiated
     */
    public static JavaRevisionScript of(Class<?> type) {
        RevisionInfo info = type.getAnnotation(RevisionInfo.class);
        if (info == null) {
            throw new ScriptException("Class " + type.getName() + " is in a revisions location but has no @"
                    + RevisionInfo.class.getSimpleName() + " annotation; every top-level class there must be a "
                    + "revision (move helpers to another package).");
        }
        if (!JavaRevision.class.isAssignableFrom(type)) {
            throw new ScriptException("Class " + type.getName() + " has @" + RevisionInfo.class.getSimpleName()
                    + " but does not implement " + JavaRevision.class.getName() + ".");
        }
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            throw new ScriptException("Revision class " + type.getName() + " is abstract; it must be a concrete class.");
        }
        Instant created = null;
        if (!info.created().isEmpty()) {
            try {
                created = Instant.parse(info.created());
            }
            catch (DateTimeParseException ex) {
                throw new ScriptException("Revision class " + type.getName() + ": created = \"" + info.created()
                        + "\" is not an ISO-8601 instant such as 2026-11-28T04:00:00Z.");
            }
        }
        Revision revision = new Revision(info.id(), Arrays.asList(info.parents()),
                new LinkedHashSet<>(Arrays.asList(info.branchLabels())), Arrays.asList(info.dependsOn()),
                info.message(), created, type.getName());
        return new JavaRevisionScript(type, revision, info.transactional());
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public Set<String> acknowledgedHazards() {
        return Set.of(type.getAnnotation(RevisionInfo.class).acknowledge());
    }

    @Override
    public boolean transactional() {
        return transactional;
    }

    @Override
    public String location() {
        return type.getName();
    }

    @Override
    public List<Operation> upgrade() {
        return upgrade(RevisionContext.NONE);
    }

    @Override
    public List<Operation> downgrade() {
        return downgrade(RevisionContext.NONE);
    }

    @Override
    public List<Operation> upgrade(RevisionContext context) {
        Operations op = new Operations(context);
        instance().upgrade(op);
        return op.recorded();
    }

    @Override
    public List<Operation> downgrade(RevisionContext context) {
        Operations op = new Operations(context);
        instance().downgrade(op);
        return op.recorded();
    }

    @Override
    public synchronized String checksum() {
        if (checksum == null) {
            checksum = Checksums.ofOperations(upgrade());
        }
        return checksum;
    }

    private synchronized JavaRevision instance() {
        if (instance == null) {
            try {
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                instance = (JavaRevision) constructor.newInstance();
            }
            catch (NoSuchMethodException ex) {
                throw new ScriptException("Revision class " + type.getName() + " needs a no-argument constructor.", ex);
            }
            catch (ReflectiveOperationException ex) {
                Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
                throw new ScriptException("Revision class " + type.getName() + " could not be created: " + cause, cause);
            }
        }
        return instance;
    }
}
