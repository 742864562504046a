package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrate.op.CheckConstraint;
import dev.migrate.op.Column;
import dev.migrate.op.ForeignKey;
import dev.migrate.op.Operation;
import dev.migrate.op.PrimaryKey;
import dev.migrate.op.TableElement;
import dev.migrate.op.UniqueConstraint;
import dev.migrate.schema.Schema;
import dev.migrate.schema.TypeNames;

/**
 * Compares the schema the entity model wants with the live one and lists the changes, each with its upgrade and
 * downgrade operations, ordered as the seed asks: parent tables before children, foreign keys and indexes after
 * their tables; the downgrade is the exact reverse.
 *
 * <p>What is compared: tables, columns (type, nullability, server default where the model declares one, comment
 * where the model has one), primary keys, foreign keys (by signature), unique constraints and unique indexes (by
 * columns), indexes (by name, then by columns), check constraints (by name), sequences (by name), table comments
 * and PostgreSQL enum types (by name, then labels); composite types, domains, views and functions the model makes
 * and the database lacks are named without an operation. Expression, partial and covering indexes in the database
 * are left alone.
 */
public final class SchemaComparison {

    private static final Pattern GENERATED_NAME = Pattern.compile("(?i)constraint_[0-9a-f]+");

    private final ObjectFilter filter;

    /**
     * @param include name patterns of the tables, sequences and enum types to compare ({@code *} matches any run of
     *     characters); empty for all. A table's columns, keys, indexes and constraints go with it.
     * @param exclude name patterns of the tables, sequences and enum types to leave out
     */
    public SchemaComparison(List<String> include, List<String> exclude) {
        this(ObjectFilter.patterns(include, exclude, List.of(), List.of()));
    }

    /** A comparison of the objects the filter includes. */
    public SchemaComparison(ObjectFilter filter) {
        this.filter = filter;
    }

    public static SchemaComparison all() {
        return new SchemaComparison(ObjectFilter.ALL);
    }

    /** The changes that take {@code live} to {@code target}, in upgrade order. */
    public List<Change> compare(Schema target, Schema live) {
        List<Change> changes = new ArrayList<>();
        Map<String, Schema.Table> wanted = filtered(target);
        Map<String, Schema.Table> present = filtered(live);
        List<Schema.Table> added = new ArrayList<>();
        List<Schema.Table> removed = new ArrayList<>();
        for (Schema.Table table : orderByReferences(wanted)) {
            if (!present.containsKey(table.name())) {
                added.add(table);
                addTable(changes, table);
            }
        }
        for (Schema.Table table : present.values()) {
            if (!wanted.containsKey(table.name())) {
                removed.add(table);
                dropTable(changes, table);
            }
        }
        renameHints(changes, added, removed);
        Set<String> enumTypes = new HashSet<>();
        target.enumTypes().forEach(type -> enumTypes.add(type.name()));
        live.enumTypes().forEach(type -> enumTypes.add(type.name()));
        for (Schema.Table table : wanted.values()) {
            Schema.Table existing = present.get(table.name());
            if (existing != null) {
                compareTable(changes, table, existing, enumTypes);
            }
        }
        compareSequences(changes, target, live);
        compareEnumTypes(changes, target, live, wanted, present);
        missingObjects(changes, target, live);
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparing(Change::phase));
        return ordered;
    }

    /** The tables the filter includes, each with only the columns, keys, indexes and constraints it includes. */
    private Map<String, Schema.Table> filtered(Schema schema) {
        Map<String, Schema.Table> tables = new LinkedHashMap<>();
        for (Schema.Table t : schema.tables()) {
            if (!filter.include(ObjectFilter.Kind.TABLE, null, t.name())) {
                continue;
            }
            String name = t.name();
            tables.put(name, new Schema.Table(name,
                    t.columns().stream().filter(c -> filter.include(ObjectFilter.Kind.COLUMN, name, c.name())).toList(),
                    t.primaryKey(),
                    t.foreignKeys().stream().filter(fk -> filter.include(ObjectFilter.Kind.FOREIGN_KEY, name, fk.name()))
                            .toList(),
                    t.uniques().stream().filter(u -> filter.include(ObjectFilter.Kind.UNIQUE_CONSTRAINT, name,
                            given(u.name()))).toList(),
                    t.indexes().stream().filter(i -> filter.include(ObjectFilter.Kind.INDEX, name, i.name())).toList(),
                    t.checks().stream().filter(c -> filter.include(ObjectFilter.Kind.CHECK, name, given(c.name())))
                            .toList(),
                    t.comment()));
        }
        return tables;
    }

    /** Tables ordered so that a table comes after the tables its foreign keys reference. */
    private static List<Schema.Table> orderByReferences(Map<String, Schema.Table> tables) {
        List<Schema.Table> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Schema.Table table : tables.values()) {
            visit(table, tables, done, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private static void visit(Schema.Table table, Map<String, Schema.Table> tables, Set<String> done,
            Set<String> visiting, List<Schema.Table> ordered) {
        if (done.contains(table.name()) || !visiting.add(table.name())) {
            return;
        }
        for (Schema.ForeignKey fk : table.foreignKeys()) {
            Schema.Table parent = tables.get(fk.referencedTable());
            if (parent != null) {
                visit(parent, tables, done, visiting, ordered);
            }
        }
        done.add(table.name());
        ordered.add(table);
    }

    // ---- whole tables -------------------------------------------------------------------------------------

    private static void addTable(List<Change> changes, Schema.Table table) {
        changes.add(new Change(Change.Phase.CREATE_TABLE, "add table " + table.name(), List.of(createTable(table)),
                List.of(new Operation.DropTable(null, table.name(), false)), null));
        for (Schema.Index index : table.indexes()) {
            changes.add(addIndex(table.name(), index));
        }
        for (Schema.ForeignKey fk : table.foreignKeys()) {
            changes.add(addForeignKey(table.name(), fk));
        }
    }

    private static void dropTable(List<Change> changes, Schema.Table table) {
        for (Schema.ForeignKey fk : table.foreignKeys()) {
            changes.add(dropForeignKey(table.name(), fk));
        }
        for (Schema.Index index : table.indexes()) {
            changes.add(dropIndex(table.name(), index));
        }
        changes.add(new Change(Change.Phase.DROP_TABLE, "remove table " + table.name(),
                List.of(new Operation.DropTable(null, table.name(), false)), List.of(createTable(table)), null));
    }

    private static Operation createTable(Schema.Table table) {
        List<Column> columns = new ArrayList<>();
        for (Schema.Column column : table.columns()) {
            Column definition = column(column);
            if (table.primaryKey().size() == 1 && table.primaryKey().get(0).equals(column.name())) {
                definition = definition.primaryKey();
            }
            columns.add(definition);
        }
        List<TableElement> constraints = new ArrayList<>();
        if (table.primaryKey().size() > 1) {
            constraints.add(new PrimaryKey(table.name() + "_pkey", table.primaryKey()));
        }
        for (Schema.Unique unique : table.uniques()) {
            constraints.add(new UniqueConstraint(given(unique.name()), unique.columns()));
        }
        for (Schema.Check check : table.checks()) {
            constraints.add(new CheckConstraint(given(check.name()), check.condition()));
        }
        return new Operation.CreateTable(null, table.name(), columns, constraints, table.comment(), false);
    }

    static Column column(Schema.Column column) {
        Column definition = Column.of(column.name(), TypeNames.columnType(column.type())).nullable(column.nullable());
        if (column.identity()) {
            definition = definition.identity(Column.Identity.BY_DEFAULT);
        }
        if (column.defaultSql() != null && !column.identity()) {
            definition = definition.defaultSql(column.defaultSql());
        }
        if (column.comment() != null) {
            definition = definition.comment(column.comment());
        }
        return definition;
    }

    private static void renameHints(List<Change> changes, List<Schema.Table> added, List<Schema.Table> removed) {
        for (Schema.Table gone : removed) {
            for (Schema.Table come : added) {
                if (signature(gone).equals(signature(come))) {
                    replaceHint(changes, "add table " + come.name(), "This may be a rename of " + literal(gone.name())
                            + ", whose columns it has: to keep the data, replace this change and the removal of "
                            + literal(gone.name()) + " with op.renameTable(" + literal(gone.name()) + ", "
                            + literal(come.name()) + ");");
                }
            }
        }
    }

    /**
     * A name as a Java string literal, quotes and escapes included: hints quote names so that the statement they
     * suggest can be copied as it is, whatever the name holds.
     */
    private static String literal(String name) {
        return com.palantir.javapoet.CodeBlock.of("$S", name).toString();
    }

    private static List<String> signature(Schema.Table table) {
        return table.columns().stream().map(c -> c.name() + " " + c.type()).sorted().toList();
    }

    private static void replaceHint(List<Change> changes, String description, String hint) {
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            if (change.description().equals(description)) {
                changes.set(i, new Change(change.phase(), change.description(), change.upgrade(), change.downgrade(), hint));
            }
        }
    }

    // ---- one table ----------------------------------------------------------------------------------------

    private void compareTable(List<Change> changes, Schema.Table target, Schema.Table live, Set<String> enumTypes) {
        String table = target.name();
        List<Schema.Column> addedColumns = new ArrayList<>();
        List<Schema.Column> removedColumns = new ArrayList<>();
        for (Schema.Column column : target.columns()) {
            Schema.Column existing = live.column(column.name());
            if (existing == null) {
                addedColumns.add(column);
                changes.add(new Change(Change.Phase.ADD_COLUMN, "add column " + table + "." + column.name(),
                        List.of(new Operation.AddColumn(null, table, column(column), false)),
                        List.of(new Operation.DropColumn(null, table, column.name(), false)), null));
            }
            else {
                compareColumn(changes, table, column, existing, enumTypes);
            }
        }
        for (Schema.Column column : live.columns()) {
            if (target.column(column.name()) == null) {
                removedColumns.add(column);
                changes.add(new Change(Change.Phase.DROP_COLUMN, "remove column " + table + "." + column.name(),
                        List.of(new Operation.DropColumn(null, table, column.name(), false)),
                        List.of(new Operation.AddColumn(null, table, column(column), false)), null));
            }
        }
        for (Schema.Column gone : removedColumns) {
            for (Schema.Column come : addedColumns) {
                if (gone.type().equals(come.type())) {
                    replaceHint(changes, "add column " + table + "." + come.name(), "This may be a rename of "
                            + literal(table) + "." + literal(gone.name()) + " (same type): to keep the data, replace "
                            + "this change and the removal of " + literal(gone.name()) + " with op.renameColumn("
                            + literal(table) + ", " + literal(gone.name()) + ", " + literal(come.name()) + ");");
                }
            }
        }
        if (!target.primaryKey().equals(live.primaryKey())) {
            String liveName = table + "_pkey";
            List<Operation> upgrade = new ArrayList<>();
            List<Operation> downgrade = new ArrayList<>();
            if (!live.primaryKey().isEmpty()) {
                upgrade.add(new Operation.DropConstraint(null, table, liveName, false));
            }
            if (!target.primaryKey().isEmpty()) {
                upgrade.add(new Operation.AddConstraint(null, table, new PrimaryKey(table + "_pkey", target.primaryKey())));
                downgrade.add(new Operation.DropConstraint(null, table, table + "_pkey", false));
            }
            if (!live.primaryKey().isEmpty()) {
                downgrade.add(new Operation.AddConstraint(null, table, new PrimaryKey(liveName, live.primaryKey())));
            }
            changes.add(new Change(Change.Phase.PRIMARY_KEY, "change primary key of " + table + " from "
                    + live.primaryKey() + " to " + target.primaryKey(), upgrade, downgrade, null));
        }
        if (target.comment() != null && !target.comment().equals(live.comment())) {
            changes.add(new Change(Change.Phase.TABLE_COMMENT, "change comment of " + table,
                    List.of(new Operation.SetTableComment(null, table, target.comment())),
                    List.of(new Operation.SetTableComment(null, table, live.comment())), null));
        }
        compareForeignKeys(changes, target, live);
        compareUniques(changes, target, live);
        compareIndexes(changes, target, live);
        for (Schema.Check check : target.checks()) {
            if (live.checks().stream().noneMatch(c -> sameCheck(c, check))) {
                // A name the database made up is not written: the live database makes up its own.
                String name = given(check.name()) != null ? check.name() : table + "_check_" + Integer.toHexString(
                        check.condition().hashCode() & 0xfffffff);
                changes.add(new Change(Change.Phase.ADD_CONSTRAINT, "add check " + name + " on " + table + " ("
                        + check.condition() + ")", List.of(new Operation.AddConstraint(null, table,
                                new CheckConstraint(name, check.condition()))),
                        List.of(new Operation.DropConstraint(null, table, name, false)), null));
            }
        }
        for (Schema.Check check : live.checks()) {
            if (target.checks().stream().noneMatch(c -> sameCheck(c, check))) {
                changes.add(new Change(Change.Phase.DROP_CONSTRAINT, "remove check " + check.name() + " on " + table,
                        List.of(new Operation.DropConstraint(null, table, check.name(), false)),
                        List.of(new Operation.AddConstraint(null, table, new CheckConstraint(check.name(), check.condition()))),
                        null));
            }
        }
    }

    /**
     * The same condition (both sides read from the database's catalog, so spelled the database's way), under the
     * same name unless the database made up either name.
     */
    private static boolean sameCheck(Schema.Check a, Schema.Check b) {
        boolean namesMatter = given(a.name()) != null && given(b.name()) != null;
        return a.condition().equals(b.condition()) && (!namesMatter || a.name().equalsIgnoreCase(b.name()));
    }

    /**
     * A constraint's name, or {@code null} when the database made it up (H2's {@code CONSTRAINT_1F}): such a name is
     * neither compared nor written into a revision, since another database makes up another one.
     */
    static String given(String name) {
        return isGenerated(name) ? null : name;
    }

    /** Whether a constraint's name was made up by the database (H2's {@code CONSTRAINT_1F}), or there is none. */
    public static boolean isGenerated(String name) {
        return name == null || GENERATED_NAME.matcher(name).matches();
    }

    private static void compareColumn(List<Change> changes, String table, Schema.Column target, Schema.Column live,
            Set<String> enumTypes) {
        String name = table + "." + target.name();
        if (!target.type().equals(live.type())) {
            Change change = alter(name + " type " + live.type() + " -> " + target.type(), table, target.name(),
                    spec(TypeNames.columnType(target.type()), null, false, null, false, null),
                    spec(TypeNames.columnType(live.type()), null, false, null, false, null));
            changes.add(new Change(change.phase(), change.description(),
                    List.of(usingText(change.upgrade().get(0), target.type(), enumTypes)),
                    List.of(usingText(change.downgrade().get(0), live.type(), enumTypes)), null));
        }
        if (target.nullable() != live.nullable() && !(target.identity() && live.identity())) {
            changes.add(alter(name + (target.nullable() ? " nullable" : " not null"), table, target.name(),
                    spec(null, target.nullable(), false, null, false, null),
                    spec(null, live.nullable(), false, null, false, null)));
        }
        if (target.defaultSql() != null && !target.identity()
                && !Defaults.same(target.defaultSql(), live.defaultSql())) {
            changes.add(alter(name + " default " + live.defaultSql() + " -> " + target.defaultSql(), table,
                    target.name(), spec(null, null, true, target.defaultSql(), false, null),
                    spec(null, null, true, live.defaultSql(), false, null)));
        }
        if (target.comment() != null && !target.comment().equals(live.comment())) {
            changes.add(alter(name + " comment", table, target.name(), spec(null, null, false, null, true, target.comment()),
                    spec(null, null, false, null, true, live.comment())));
        }
    }

    /**
     * A type change to an enum type goes through text: PostgreSQL casts no other type to an enum type on its own,
     * not even another enum type.
     */
    private static Operation usingText(Operation operation, String newType, Set<String> enumTypes) {
        Operation.AlterColumn alter = (Operation.AlterColumn) operation;
        if (!enumTypes.contains(newType)) {
            return alter;
        }
        String using = VarcharCasts.quoted(alter.column()) + "::text::" + newType;
        return new Operation.AlterColumn(alter.schema(), alter.table(), alter.column(), alter.type(), using,
                alter.nullable(), alter.changeDefault(), alter.defaultSql(), alter.newName(), alter.changeComment(),
                alter.comment());
    }

    private record AlterSpec(dev.migrate.op.ColumnType type, Boolean nullable, boolean changeDefault, String defaultSql,
            boolean changeComment, String comment) {
    }

    private static AlterSpec spec(dev.migrate.op.ColumnType type, Boolean nullable, boolean changeDefault, String defaultSql,
            boolean changeComment, String comment) {
        return new AlterSpec(type, nullable, changeDefault, defaultSql, changeComment, comment);
    }

    private static Change alter(String description, String table, String column, AlterSpec up, AlterSpec down) {
        return new Change(Change.Phase.ALTER_COLUMN, "change " + description,
                List.of(new Operation.AlterColumn(null, table, column, up.type(), null, up.nullable(), up.changeDefault(),
                        up.defaultSql(), null, up.changeComment(), up.comment())),
                List.of(new Operation.AlterColumn(null, table, column, down.type(), null, down.nullable(),
                        down.changeDefault(), down.defaultSql(), null, down.changeComment(), down.comment())), null);
    }

    private static void compareForeignKeys(List<Change> changes, Schema.Table target, Schema.Table live) {
        for (Schema.ForeignKey fk : target.foreignKeys()) {
            if (live.foreignKeys().stream().noneMatch(other -> sameForeignKey(fk, other))) {
                changes.add(addForeignKey(target.name(), fk));
            }
        }
        for (Schema.ForeignKey fk : live.foreignKeys()) {
            if (target.foreignKeys().stream().noneMatch(other -> sameForeignKey(fk, other))) {
                changes.add(dropForeignKey(target.name(), fk));
            }
        }
    }

    private static boolean sameForeignKey(Schema.ForeignKey a, Schema.ForeignKey b) {
        return a.columns().equals(b.columns()) && a.referencedTable().equals(b.referencedTable())
                && a.referencedColumns().equals(b.referencedColumns()) && Objects.equals(a.onDelete(), b.onDelete());
    }

    private static Change addForeignKey(String table, Schema.ForeignKey fk) {
        return new Change(Change.Phase.ADD_FOREIGN_KEY, "add foreign key " + fk.name() + " on " + table + fk.columns()
                + " -> " + fk.referencedTable(), List.of(new Operation.AddConstraint(null, table, foreignKey(fk))),
                List.of(new Operation.DropConstraint(null, table, fk.name(), false)), null);
    }

    private static Change dropForeignKey(String table, Schema.ForeignKey fk) {
        return new Change(Change.Phase.DROP_FOREIGN_KEY, "remove foreign key " + fk.name() + " on " + table,
                List.of(new Operation.DropConstraint(null, table, fk.name(), false)),
                List.of(new Operation.AddConstraint(null, table, foreignKey(fk))), null);
    }

    private static ForeignKey foreignKey(Schema.ForeignKey fk) {
        ForeignKey key = new ForeignKey(fk.name(), fk.columns(), null, fk.referencedTable(), fk.referencedColumns(), null,
                null, false, false);
        return fk.onDelete() == null ? key : key.onDelete(ForeignKey.Action.valueOf(fk.onDelete().replace(' ', '_')));
    }

    private static void compareUniques(List<Change> changes, Schema.Table target, Schema.Table live) {
        for (Schema.Unique unique : target.uniques()) {
            if (!uniqueIn(live, unique.columns())) {
                // A name the database made up is not copied (another database has its own of that name).
                String name = given(unique.name()) != null ? unique.name()
                        : target.name() + "_" + String.join("_", unique.columns()) + "_key";
                changes.add(new Change(Change.Phase.ADD_CONSTRAINT, "add unique " + name + " on " + target.name()
                        + unique.columns(), List.of(new Operation.AddConstraint(null, target.name(),
                                new UniqueConstraint(name, unique.columns()))),
                        List.of(new Operation.DropConstraint(null, target.name(), name, false)), null));
            }
        }
        for (Schema.Unique unique : live.uniques()) {
            if (!uniqueIn(target, unique.columns())) {
                changes.add(new Change(Change.Phase.DROP_CONSTRAINT, "remove unique " + unique.name() + " on "
                        + target.name(), List.of(new Operation.DropConstraint(null, target.name(), unique.name(), false)),
                        List.of(new Operation.AddConstraint(null, target.name(),
                                new UniqueConstraint(unique.name(), unique.columns()))), null));
            }
        }
    }

    /** A unique constraint or a unique index on exactly these columns: the database enforces the same either way. */
    private static boolean uniqueIn(Schema.Table table, List<String> columns) {
        Set<String> wanted = Set.copyOf(columns);
        return table.uniques().stream().anyMatch(u -> Set.copyOf(u.columns()).equals(wanted))
                || table.indexes().stream().anyMatch(i -> i.unique() && Set.copyOf(i.columns()).equals(wanted));
    }

    private static void compareIndexes(List<Change> changes, Schema.Table target, Schema.Table live) {
        for (Schema.Index index : target.indexes()) {
            Schema.Index existing = live.indexes().stream().filter(i -> i.name().equalsIgnoreCase(index.name()))
                    .findFirst().orElse(null);
            boolean covered = existing != null ? sameIndex(existing, index)
                    : live.indexes().stream().anyMatch(i -> sameIndex(i, index))
                            || index.unique() && uniqueIn(live, index.columns());
            if (existing != null && !covered) {
                changes.add(dropIndex(target.name(), existing));
            }
            if (!covered) {
                changes.add(addIndex(target.name(), index));
            }
        }
        for (Schema.Index index : live.indexes()) {
            boolean wanted = target.indexes().stream().anyMatch(i -> i.name().equalsIgnoreCase(index.name())
                    || sameIndex(i, index))
                    || index.unique() && uniqueIn(target, index.columns());
            if (!wanted) {
                changes.add(dropIndex(target.name(), index));
            }
        }
    }

    /** The same columns in the same order and directions, and the same uniqueness. */
    private static boolean sameIndex(Schema.Index a, Schema.Index b) {
        return a.columns().equals(b.columns()) && a.descending().equals(b.descending()) && a.unique() == b.unique();
    }

    private static List<Operation.IndexPart> parts(Schema.Index index) {
        List<Operation.IndexPart> parts = new ArrayList<>();
        for (int i = 0; i < index.columns().size(); i++) {
            parts.add(new Operation.IndexPart(index.columns().get(i), null, index.descending().get(i)));
        }
        return parts;
    }

    private static Change addIndex(String table, Schema.Index index) {
        List<Operation.IndexPart> parts = parts(index);
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < index.columns().size(); i++) {
            columns.add(index.columns().get(i) + (index.descending().get(i) ? " DESC" : ""));
        }
        return new Change(Change.Phase.ADD_CONSTRAINT, "add " + (index.unique() ? "unique " : "") + "index "
                + index.name() + " on " + table + columns,
                List.of(new Operation.CreateIndex(null, table, index.name(), parts, index.unique(), null, false, false)),
                List.of(new Operation.DropIndex(null, index.name(), table, false, false)), null);
    }

    private static Change dropIndex(String table, Schema.Index index) {
        List<Operation.IndexPart> parts = parts(index);
        return new Change(Change.Phase.DROP_CONSTRAINT, "remove index " + index.name() + " on " + table,
                List.of(new Operation.DropIndex(null, index.name(), table, false, false)),
                List.of(new Operation.CreateIndex(null, table, index.name(), parts, index.unique(), null, false, false)),
                null);
    }

    private void compareSequences(List<Change> changes, Schema wanted, Schema present) {
        Schema target = new Schema(wanted.tables(), wanted.sequences().stream()
                .filter(s -> filter.include(ObjectFilter.Kind.SEQUENCE, null, s.name())).toList());
        Schema live = new Schema(present.tables(), present.sequences().stream()
                .filter(s -> filter.include(ObjectFilter.Kind.SEQUENCE, null, s.name())).toList());
        for (Schema.Sequence sequence : target.sequences()) {
            Schema.Sequence existing = live.sequences().stream().filter(s -> s.name().equals(sequence.name())).findFirst()
                    .orElse(null);
            if (existing == null) {
                changes.add(new Change(Change.Phase.CREATE_SEQUENCE, "add sequence " + sequence.name(),
                        List.of(new Operation.CreateSequence(null, sequence.name(), sequence.start(), sequence.increment())),
                        List.of(new Operation.DropSequence(null, sequence.name(), false)), null));
            }
            else if (existing.increment() != sequence.increment()) {
                changes.add(new Change(Change.Phase.CREATE_SEQUENCE, "change increment of sequence " + sequence.name(),
                        List.of(new Operation.AlterSequence(null, sequence.name(), sequence.increment())),
                        List.of(new Operation.AlterSequence(null, sequence.name(), existing.increment())), null));
            }
        }
        for (Schema.Sequence sequence : live.sequences()) {
            if (target.sequences().stream().noneMatch(s -> s.name().equals(sequence.name()))) {
                changes.add(new Change(Change.Phase.DROP_SEQUENCE, "remove sequence " + sequence.name(),
                        List.of(new Operation.DropSequence(null, sequence.name(), false)),
                        List.of(new Operation.CreateSequence(null, sequence.name(), sequence.start(), sequence.increment())),
                        null));
            }
        }
    }

    /**
     * Enum types: created before the tables that use them and dropped after; a label the model adds is added where
     * the model puts it. PostgreSQL can neither take a label away nor reorder them, so those changes come with a hint
     * and no operation: the type is rebuilt by hand.
     */
    private void compareEnumTypes(List<Change> changes, Schema target, Schema live, Map<String, Schema.Table> wanted,
            Map<String, Schema.Table> present) {
        // A type goes with the tables that use it: one a compared table needs is compared whatever its name, and
        // one a column keeps using (in the model, or in a table left out of the comparison) is never dropped.
        Set<String> neededByCompared = typesUsedBy(wanted.values());
        Set<String> stillUsed = typesUsedBy(target.tables());
        stillUsed.addAll(typesUsedBy(live.tables().stream().filter(t -> !present.containsKey(t.name())).toList()));
        Set<String> usedByPresent = typesUsedBy(present.values());
        Map<String, Schema.EnumType> existingTypes = new LinkedHashMap<>();
        live.enumTypes().forEach(type -> existingTypes.put(type.name(), type));
        Set<String> modelled = new HashSet<>();
        for (Schema.EnumType type : target.enumTypes()) {
            modelled.add(type.name());
            if (!neededByCompared.contains(type.name())
                    && !filter.include(ObjectFilter.Kind.ENUM_TYPE, null, type.name())) {
                continue;
            }
            Schema.EnumType existing = existingTypes.get(type.name());
            if (existing == null) {
                changes.add(new Change(Change.Phase.CREATE_TYPE, "add enum type " + type.name(), createType(type),
                        dropType(type), null));
                continue;
            }
            if (!existing.values().equals(type.values())) {
                changes.add(enumValuesChange(type, existing.values()));
            }
            if (existing.varcharCasts() != type.varcharCasts()) {
                List<Operation> create = VarcharCasts.create(type.name());
                List<Operation> drop = VarcharCasts.drop(type.name());
                changes.add(new Change(Change.Phase.CREATE_TYPE, (type.varcharCasts() ? "add" : "remove")
                        + " the casts between enum type " + type.name() + " and character varying",
                        type.varcharCasts() ? create : drop, type.varcharCasts() ? drop : create, null));
            }
        }
        for (Schema.EnumType type : existingTypes.values()) {
            boolean compared = usedByPresent.contains(type.name())
                    || filter.include(ObjectFilter.Kind.ENUM_TYPE, null, type.name());
            if (compared && !modelled.contains(type.name()) && !stillUsed.contains(type.name())) {
                changes.add(new Change(Change.Phase.DROP_TYPE, "remove enum type " + type.name(), dropType(type),
                        createType(type), null));
            }
        }
    }

    /**
     * What the model's DDL makes that autogenerate does not write (a composite type, a domain, a view, a function) and
     * the database lacks: named, with no operation, so that the revision and {@code check} say what to add by hand
     * rather than fail on it.
     */
    private static void missingObjects(List<Change> changes, Schema target, Schema live) {
        for (String object : target.otherObjects()) {
            if (!live.otherObjects().contains(object)) {
                changes.add(new Change(Change.Phase.CREATE_TYPE, "add " + object + " (not written by autogenerate)",
                        List.of(), List.of(), "autogenerate writes no composite type, domain, view or function: "
                                + "create " + object + " here by hand (op.execute), before what uses it"));
            }
        }
    }

    private static List<Operation> createType(Schema.EnumType type) {
        List<Operation> operations = new ArrayList<>(List.of(new Operation.CreateEnumType(null, type.name(),
                type.values())));
        if (type.varcharCasts()) {
            operations.addAll(VarcharCasts.create(type.name()));
        }
        return operations;
    }

    private static List<Operation> dropType(Schema.EnumType type) {
        List<Operation> operations = new ArrayList<>();
        if (type.varcharCasts()) {
            operations.addAll(VarcharCasts.drop(type.name()));
        }
        operations.add(new Operation.DropEnumType(null, type.name(), false));
        return operations;
    }

    /** The names of the types the tables' columns have, arrays by their element type. */
    private static Set<String> typesUsedBy(Collection<Schema.Table> tables) {
        Set<String> types = new HashSet<>();
        for (Schema.Table table : tables) {
            for (Schema.Column column : table.columns()) {
                types.add(column.type().replaceAll("(\\[\\])+$", ""));
            }
        }
        return types;
    }

    private static Change enumValuesChange(Schema.EnumType type, List<String> present) {
        List<String> wanted = type.values();
        List<String> kept = wanted.stream().filter(present::contains).toList();
        if (!kept.equals(present)) {
            return new Change(Change.Phase.CREATE_TYPE, "change values of enum type " + type.name() + " from "
                    + present + " to " + wanted, List.of(), List.of(), "PostgreSQL cannot remove or reorder the values "
                    + "of enum type " + type.name() + " in place: rename it, create it anew with " + wanted
                    + ", alter each column that uses it (USING column::text::" + type.name() + ") and drop the old "
                    + "one");
        }
        List<Operation> upgrade = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            String value = wanted.get(i);
            if (!present.contains(value)) {
                added.add(value);
                // After the label before it (there already or just added), else before the first one kept.
                upgrade.add(i > 0 ? new Operation.AddEnumValue(null, type.name(), value, null, wanted.get(i - 1))
                        : new Operation.AddEnumValue(null, type.name(), value, kept.isEmpty() ? null : kept.get(0),
                                null));
            }
        }
        return new Change(Change.Phase.CREATE_TYPE, "add " + added + " to enum type " + type.name(), upgrade,
                List.of(), "PostgreSQL cannot remove a value from an enum type: the downgrade leaves " + added + " in "
                        + type.name());
    }

    /** The upgrade of a list of changes, in order. */
    public static List<Operation> upgrade(List<Change> changes) {
        return changes.stream().flatMap(change -> change.upgrade().stream()).toList();
    }

    /** The downgrade: the changes backwards, each one's downgrade. */
    public static List<Operation> downgrade(List<Change> changes) {
        List<Operation> operations = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            operations.addAll(changes.get(i).downgrade());
        }
        return operations;
    }
}
