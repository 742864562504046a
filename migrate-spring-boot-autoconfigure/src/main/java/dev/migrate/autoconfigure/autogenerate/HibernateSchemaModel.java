package dev.migrate.autoconfigure.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hibernate.boot.Metadata;
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
import dev.migrate.schema.Schema;
import dev.migrate.schema.TypeNames;

/**
 * The schema the application's entity model wants, read from the mapping model Hibernate built for the
 * application itself: the same naming strategies, dialect and entities, so no entity can be forgotten and no
 * setting can differ. Hibernate hands the model over as an {@link Integrator} when the
 * {@code EntityManagerFactory} starts.
 */
public class HibernateSchemaModel implements Integrator, MigrateEntityModel {

    private volatile Metadata metadata;

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        this.metadata = metadata;
    }

    @Override
    public boolean isAvailable() {
        return metadata != null;
    }

    @Override
    public Schema get() {
        Metadata model = metadata;
        if (model == null) {
            throw new MigrateException("Hibernate has not built its mapping model yet: autogenerate runs once the "
                    + "application's EntityManagerFactory has started.");
        }
        return of(model);
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
