package dev.migrate.autoconfigure.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.SourceType;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExceptionHandler;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.ScriptSourceInput;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.SourceDescriptor;
import org.hibernate.tool.schema.spi.TargetDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

import dev.migrate.MigrateException;
import dev.migrate.autoconfigure.MigrateEntityModel;
import dev.migrate.dialect.Dialect;
import dev.migrate.schema.Schema;
import dev.migrate.schema.ScratchSchema;
import dev.migrate.schema.TypeNames;

/**
 * The schema the application's entity model wants, as the database itself spells it: Hibernate writes its own create
 * DDL for the mapping model it built for the application (the same naming strategies, dialect and entities, so no
 * entity can be forgotten and no setting can differ), the DDL runs in a scratch schema beside the live one, and the
 * catalog reader that reads the live schema reads it back ({@link ScratchSchema}). Types, defaults, checks, unique
 * constraints and index orders then compare in one spelling on both sides.
 *
 * <p>Where no scratch schema can be made (no privilege to create temporary tables or a schema, or a read-only
 * session) or the model names schemas of its own, the mapping model is translated field by field instead, which
 * knows less (see the README). Hibernate hands the model over as an {@link Integrator} when the
 * {@code EntityManagerFactory} starts.
 */
public class HibernateSchemaModel implements Integrator, MigrateEntityModel {

    private static final Logger logger = LoggerFactory.getLogger(HibernateSchemaModel.class);

    private volatile Metadata metadata;

    /** Hibernate's DDL for the model, made on first use and kept: it needs Hibernate's services, alive only with it. */
    private volatile List<String> ddl;

    /** The default schema or catalog the settings give every name, read while Hibernate's services are alive. */
    private volatile String defaultNamespace;

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        this.defaultNamespace = defaultNamespace(metadata);
        this.metadata = metadata;
        this.ddl = null;
    }

    @Override
    public boolean isAvailable() {
        return metadata != null;
    }

    @Override
    public Schema read(Connection live, Dialect dialect) throws SQLException {
        Metadata model = metadata;
        if (model == null) {
            throw new MigrateException("Hibernate has not built its mapping model yet: autogenerate runs once the "
                    + "application's EntityManagerFactory has started.");
        }
        String qualified = defaultNamespace != null ? defaultNamespace : qualifiedNamespace(model);
        if (qualified != null) {
            logger.warn("The entity model names the schema or catalog {}, so its DDL cannot run in a scratch schema; "
                    + "comparing Hibernate's mapping model translated field by field instead", qualified);
            return of(model);
        }
        try {
            List<String> statements = ddl;
            if (statements == null) {
                statements = createDdl(model);
                ddl = statements;
            }
            Schema built = ScratchSchema.build(live, dialect, statements);
            if (built.tables().isEmpty()) {
                Schema translated = of(model);
                if (!translated.tables().isEmpty()) {
                    // Names qualified some other way than the settings and namespaces show land outside it.
                    logger.warn("Hibernate's DDL built no table in the scratch schema, so its statements name a "
                            + "schema of their own; comparing Hibernate's mapping model translated field by field "
                            + "instead");
                    return translated;
                }
            }
            return built;
        }
        catch (ScratchSchema.Unavailable ex) {
            logger.warn("Autogenerate {}; comparing Hibernate's mapping model translated field by field instead, which "
                    + "knows less of what the database will make of it", ex.getMessage());
            return of(model);
        }
    }

    /** Hibernate's create DDL for the model, as {@code ddl-auto=create} would run it, without touching a database. */
    static List<String> createDdl(Metadata metadata) {
        MetadataImplementor implementor = (MetadataImplementor) metadata;
        // Hibernate orders a table's columns (its column ordering strategy) only when it is about to create them.
        implementor.orderColumns(true);
        ServiceRegistry registry = implementor.getMetadataBuildingOptions().getServiceRegistry();
        Map<String, Object> settings = new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
        settings.remove(AvailableSettings.HBM2DDL_DELIMITER);
        settings.put(AvailableSettings.FORMAT_SQL, false);
        // The data Hibernate loads once it has created a schema (import.sql, a load script) is no part of the model,
        // and a script's statement on a qualified live object (setval on a sequence) would outlive the rollback.
        settings.remove(AvailableSettings.HBM2DDL_IMPORT_FILES);
        settings.remove(AvailableSettings.JAKARTA_HBM2DDL_LOAD_SCRIPT_SOURCE);
        settings.remove("javax.persistence.sql-load-script-source");
        settings.put(AvailableSettings.HBM2DDL_SKIP_DEFAULT_IMPORT_FILE, true);
        List<String> statements = new ArrayList<>();
        ScriptTargetOutput collect = new ScriptTargetOutput() {
            @Override
            public void prepare() {
            }

            @Override
            public void accept(String command) {
                statements.add(command);
            }

            @Override
            public void release() {
            }
        };
        registry.requireService(SchemaManagementTool.class).getSchemaCreator(settings).doCreation(metadata,
                new ExecutionOptions() {
                    @Override
                    public Map<String, Object> getConfigurationValues() {
                        return settings;
                    }

                    @Override
                    public boolean shouldManageNamespaces() {
                        return false;
                    }

                    @Override
                    public ExceptionHandler getExceptionHandler() {
                        return ExceptionHandlerHaltImpl.INSTANCE;
                    }
                }, ContributableMatcher.ALL, new SourceDescriptor() {
                    @Override
                    public SourceType getSourceType() {
                        return SourceType.METADATA;
                    }

                    @Override
                    public ScriptSourceInput getScriptSourceInput() {
                        return null;
                    }
                }, new TargetDescriptor() {
                    @Override
                    public EnumSet<TargetType> getTargetTypes() {
                        return EnumSet.of(TargetType.SCRIPT);
                    }

                    @Override
                    public ScriptTargetOutput getScriptTargetOutput() {
                        return collect;
                    }
                });
        return statements;
    }

    /**
     * A default schema or catalog from the settings, or {@code null}: it qualifies every name Hibernate writes,
     * though the model's namespaces carry none.
     */
    private static String defaultNamespace(Metadata metadata) {
        Map<String, Object> settings = ((MetadataImplementor) metadata).getMetadataBuildingOptions()
                .getServiceRegistry().requireService(ConfigurationService.class).getSettings();
        for (String setting : List.of(AvailableSettings.DEFAULT_SCHEMA, AvailableSettings.DEFAULT_CATALOG)) {
            Object value = settings.get(setting);
            if (value != null && !value.toString().isBlank()) {
                return value + " (" + setting + ")";
            }
        }
        return null;
    }

    /** The first schema or catalog the model names explicitly, or {@code null} when it uses the default one. */
    private static String qualifiedNamespace(Metadata metadata) {
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            boolean hasTables = namespace.getTables().stream().anyMatch(table -> table.isPhysicalTable());
            if ((hasTables || namespace.getSequences().iterator().hasNext())
                    && (namespace.getName().schema() != null || namespace.getName().catalog() != null)) {
                return String.valueOf(namespace.getName());
            }
        }
        return null;
    }

    /** Maps Hibernate's boot model to Migrate's schema model. */
    static Schema of(Metadata metadata) {
        List<Schema.Table> tables = new ArrayList<>();
        List<Schema.Sequence> sequences = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Table table : namespace.getTables()) {
                if (table.isPhysicalTable() && !table.isView()) {
                    tables.add(table(metadata, table));
                }
            }
            for (Sequence sequence : namespace.getSequences()) {
                sequences.add(new Schema.Sequence(sequence.getName().getSequenceName().getText(),
                        sequence.getInitialValue(), sequence.getIncrementSize()));
            }
        }
        return new Schema(tables, sequences);
    }

    private static Schema.Table table(Metadata metadata, Table table) {
        String name = table.getName();
        List<Schema.Column> columns = new ArrayList<>();
        List<Schema.Check> checks = new ArrayList<>();
        for (Column column : table.getColumns()) {
            columns.add(new Schema.Column(column.getName(), TypeNames.normalize(column.getSqlType(metadata)),
                    column.isNullable() && !isKey(table, column), column.getDefaultValue(), column.isIdentity(),
                    column.getComment()));
            int n = 0;
            for (CheckConstraint check : column.getCheckConstraints()) {
                checks.add(new Schema.Check(check.getName() != null ? check.getName()
                        : name + "_" + column.getName() + "_check" + (n++ == 0 ? "" : String.valueOf(n - 1)),
                        check.getConstraint()));
            }
        }
        int n = 0;
        for (CheckConstraint check : table.getChecks()) {
            checks.add(new Schema.Check(check.getName() != null ? check.getName()
                    : name + "_check" + (n++ == 0 ? "" : String.valueOf(n - 1)), check.getConstraint()));
        }
        List<String> primaryKey = table.getPrimaryKey() == null ? List.of()
                : table.getPrimaryKey().getColumns().stream().map(Column::getName).toList();
        List<Schema.ForeignKey> foreignKeys = new ArrayList<>();
        for (ForeignKey fk : table.getForeignKeyCollection()) {
            if (!fk.isCreationEnabled() || !fk.isPhysicalConstraint()) {
                continue;
            }
            Table referenced = fk.getReferencedTable();
            List<String> referencedColumns = fk.isReferenceToPrimaryKey()
                    ? referenced.getPrimaryKey().getColumns().stream().map(Column::getName).toList()
                    : fk.getReferencedColumns().stream().map(Column::getName).toList();
            foreignKeys.add(new Schema.ForeignKey(fk.getName(), fk.getColumns().stream().map(Column::getName).toList(),
                    referenced.getName(), referencedColumns, onDelete(fk)));
        }
        List<Schema.Unique> uniques = new ArrayList<>();
        for (Map.Entry<String, UniqueKey> entry : table.getUniqueKeys().entrySet()) {
            UniqueKey unique = entry.getValue();
            uniques.add(new Schema.Unique(unique.getName(), unique.getColumns().stream().map(Column::getName).toList()));
        }
        List<Schema.Index> indexes = new ArrayList<>();
        for (Index index : table.getIndexes().values()) {
            indexes.add(new Schema.Index(index.getName(), index.getColumns().stream().map(Column::getName).toList(),
                    false));
        }
        return new Schema.Table(name, columns, primaryKey, foreignKeys, uniques, indexes, checks, table.getComment());
    }

    /** Primary-key columns are not null whatever the mapping says. */
    private static boolean isKey(Table table, Column column) {
        return table.getPrimaryKey() != null && table.getPrimaryKey().getColumns().contains(column);
    }

    private static String onDelete(ForeignKey fk) {
        if (fk.getOnDeleteAction() == null) {
            return null;
        }
        return switch (fk.getOnDeleteAction()) {
            case CASCADE -> "CASCADE";
            case SET_NULL -> "SET NULL";
            case SET_DEFAULT -> "SET DEFAULT";
            case RESTRICT -> "RESTRICT";
            default -> null;
        };
    }
}
