package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;

import dev.migrate.op.CheckConstraint;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnType;
import dev.migrate.op.Ddl;
import dev.migrate.op.ForeignKey;
import dev.migrate.op.Operation;
import dev.migrate.op.PrimaryKey;
import dev.migrate.op.TableElement;
import dev.migrate.op.UniqueConstraint;
import dev.migrate.script.CommentText;
import dev.migrate.script.RevisionWriter;

/**
 * Writes operations as the Java a person would write in a revision: one {@code op.*} call per statement, with the
 * static factories of {@link Ddl} for columns and types. Strings go through JavaPoet's {@code $S}, so any name or
 * expression is a correct Java literal.
 */
public final class JavaRenderer {

    private static final ClassName DDL = ClassName.get(Ddl.class);

    private static final ClassName COLUMN = ClassName.get(Column.class);

    private static final ClassName FOREIGN_KEY = ClassName.get(ForeignKey.class);

    private static final ClassName LIST = ClassName.get(List.class);

    private final Set<String> imports = new LinkedHashSet<>();

    /** The static imports of {@code Ddl} that the code rendered so far uses. */
    public List<RevisionWriter.StaticImport> staticImports() {
        return imports.stream().sorted().map(member -> new RevisionWriter.StaticImport(DDL, member)).toList();
    }

    /** The upgrade code of changes, with their hints as comments. */
    public CodeBlock upgrade(List<Change> changes) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Change change : changes) {
            if (change.hint() != null) {
                code.add("// $L\n", CommentText.javaLine(change.hint()));
            }
            change.upgrade().forEach(operation -> code.add(render(operation)));
        }
        return code.build();
    }

    /** The downgrade code: the changes backwards. */
    public CodeBlock downgrade(List<Change> changes) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (int i = changes.size() - 1; i >= 0; i--) {
            changes.get(i).downgrade().forEach(operation -> code.add(render(operation)));
        }
        return code.build();
    }

    /**
     * An operation as a person writes it in a Java revision ({@code op.createIndex("idx", "users", i -> ...)}), for
     * messages; a kind of operation autogenerate never writes is named by its type.
     */
    public static String describe(Operation operation) {
        try {
            return new JavaRenderer().render(operation).toString().strip().replaceAll(";$", "").replaceAll("\\s*\n\\s*",
                    " ");
        }
        catch (IllegalArgumentException ex) {
            return operation.getClass().getSimpleName();
        }
    }

    CodeBlock render(Operation operation) {
        if (operation instanceof Operation.CreateTable op) {
            List<CodeBlock> elements = new ArrayList<>();
            op.columns().forEach(column -> elements.add(column(column)));
            op.constraints().forEach(constraint -> elements.add(constraint(constraint)));
            CodeBlock.Builder code = CodeBlock.builder().add("op.createTable($S", op.name()).indent().indent();
            for (CodeBlock element : elements) {
                code.add(",\n$L", element);
            }
            code.add(");\n").unindent().unindent();
            if (op.comment() != null) {
                code.addStatement("op.setTableComment($S, $S)", op.name(), op.comment());
            }
            return code.build();
        }
        if (operation instanceof Operation.DropTable op) {
            return CodeBlock.builder().addStatement("op.dropTable($S)", op.name()).build();
        }
        if (operation instanceof Operation.RenameTable op) {
            return CodeBlock.builder().addStatement("op.renameTable($S, $S)", op.name(), op.newName()).build();
        }
        if (operation instanceof Operation.AddColumn op) {
            return CodeBlock.builder().addStatement("op.addColumn($S, $L)", op.table(), column(op.column())).build();
        }
        if (operation instanceof Operation.DropColumn op) {
            return CodeBlock.builder().addStatement("op.dropColumn($S, $S)", op.table(), op.column()).build();
        }
        if (operation instanceof Operation.AlterColumn op) {
            return alterColumn(op);
        }
        if (operation instanceof Operation.CreateIndex op) {
            boolean plain = op.parts().stream().noneMatch(part -> part.descending() || part.expression() != null)
                    && op.where() == null && !op.concurrently() && !op.ifNotExists();
            if (plain) {
                CodeBlock columns = strings(op.parts().stream().map(Operation.IndexPart::column).toList());
                return CodeBlock.builder().addStatement("op.$L($S, $S, $L)", op.unique() ? "createUniqueIndex"
                        : "createIndex", op.name(), op.table(), columns).build();
            }
            CodeBlock.Builder spec = CodeBlock.builder().add("i -> i");
            for (Operation.IndexPart part : op.parts()) {
                if (part.expression() != null) {
                    spec.add(".expression($S)", part.expression());
                }
                else {
                    spec.add(part.descending() ? ".descending($S)" : ".columns($S)", part.column());
                }
            }
            if (op.unique()) {
                spec.add(".unique()");
            }
            if (op.where() != null) {
                spec.add(".where($S)", op.where());
            }
            if (op.concurrently()) {
                spec.add(".concurrently()");
            }
            if (op.ifNotExists()) {
                spec.add(".ifNotExists()");
            }
            return CodeBlock.builder().addStatement("op.createIndex($S, $S, $L)", op.name(), op.table(), spec.build())
                    .build();
        }
        if (operation instanceof Operation.DropIndex op) {
            return CodeBlock.builder().addStatement("op.dropIndex($S)", op.name()).build();
        }
        if (operation instanceof Operation.AddConstraint op) {
            return addConstraint(op);
        }
        if (operation instanceof Operation.DropConstraint op) {
            return CodeBlock.builder().addStatement("op.dropConstraint($S, $S)", op.name(), op.table()).build();
        }
        if (operation instanceof Operation.CreateSequence op) {
            return CodeBlock.builder().addStatement("op.createSequence($S, $LL, $LL)", op.name(),
                    op.start() == null ? 1 : op.start(), op.increment() == null ? 1 : op.increment()).build();
        }
        if (operation instanceof Operation.AlterSequence op) {
            return CodeBlock.builder().addStatement("op.alterSequence($S, $LL)", op.name(), op.increment()).build();
        }
        if (operation instanceof Operation.DropSequence op) {
            return CodeBlock.builder().addStatement("op.dropSequence($S)", op.name()).build();
        }
        if (operation instanceof Operation.CreateEnumType op) {
            CodeBlock.Builder call = CodeBlock.builder().add("op.createEnumType($S", op.name());
            op.values().forEach(value -> call.add(", $S", value));
            return CodeBlock.builder().addStatement("$L)", call.build()).build();
        }
        if (operation instanceof Operation.AddEnumValue op) {
            if (op.before() != null) {
                return CodeBlock.builder().addStatement("op.addEnumValueBefore($S, $S, $S)", op.type(), op.value(),
                        op.before()).build();
            }
            if (op.after() != null) {
                return CodeBlock.builder().addStatement("op.addEnumValueAfter($S, $S, $S)", op.type(), op.value(),
                        op.after()).build();
            }
            return CodeBlock.builder().addStatement("op.addEnumValue($S, $S)", op.type(), op.value()).build();
        }
        if (operation instanceof Operation.DropEnumType op) {
            return CodeBlock.builder().addStatement("op.dropEnumType($S)", op.name()).build();
        }
        if (operation instanceof Operation.SetTableComment op) {
            return CodeBlock.builder().addStatement("op.setTableComment($S, $S)", op.table(), op.comment()).build();
        }
        if (operation instanceof Operation.Execute op) {
            return CodeBlock.builder().addStatement("op.execute($S)", op.sql()).build();
        }
        throw new IllegalArgumentException("Autogenerate does not write " + operation.getClass().getSimpleName());
    }

    private CodeBlock alterColumn(Operation.AlterColumn op) {
        CodeBlock.Builder changes = CodeBlock.builder().add("c -> c");
        if (op.type() != null) {
            changes.add(".type($L)", type(op.type()));
        }
        if (op.using() != null) {
            changes.add(".using($S)", op.using());
        }
        if (op.nullable() != null) {
            changes.add(".nullable($L)", op.nullable());
        }
        if (op.changeDefault()) {
            if (op.defaultSql() == null) {
                changes.add(".dropDefault()");
            }
            else {
                changes.add(".setDefault($S)", op.defaultSql());
            }
        }
        if (op.changeComment()) {
            changes.add(".comment($S)", op.comment());
        }
        if (op.newName() != null) {
            changes.add(".rename($S)", op.newName());
        }
        return CodeBlock.builder().addStatement("op.alterColumn($S, $S, $L)", op.table(), op.column(), changes.build())
                .build();
    }

    private CodeBlock addConstraint(Operation.AddConstraint op) {
        TableElement constraint = op.constraint();
        if (constraint instanceof PrimaryKey pk) {
            return CodeBlock.builder().addStatement("op.createPrimaryKey($S, $S, $L)", pk.name(), op.table(),
                    strings(pk.columns())).build();
        }
        if (constraint instanceof UniqueConstraint unique) {
            return CodeBlock.builder().addStatement("op.createUniqueConstraint($S, $S, $L)", unique.name(), op.table(),
                    strings(unique.columns())).build();
        }
        if (constraint instanceof CheckConstraint check) {
            return CodeBlock.builder().addStatement("op.createCheckConstraint($S, $S, $S)", check.name(), op.table(),
                    check.condition()).build();
        }
        return CodeBlock.builder().addStatement("op.createForeignKey($S, $L)", op.table(),
                foreignKey((ForeignKey) constraint)).build();
    }

    private CodeBlock column(Column column) {
        imports.add("column");
        CodeBlock.Builder code = CodeBlock.builder().add("column($S, $L)", column.name(), type(column.type()));
        if (column.isPrimaryKey()) {
            code.add(".primaryKey()");
        }
        else if (!column.nullable() && column.identity() == null) {
            code.add(".notNull()");
        }
        if (column.identity() != null) {
            code.add(".identity($T.Identity.$L)", COLUMN, column.identity().name());
        }
        if (column.isUnique()) {
            code.add(".unique()");
        }
        if (column.defaultValue() != null) {
            code.add(".defaultValue($S)", column.defaultValue());
        }
        if (column.defaultSql() != null) {
            code.add(".defaultSql($S)", column.defaultSql());
        }
        if (column.comment() != null) {
            code.add(".comment($S)", column.comment());
        }
        return code.build();
    }

    private CodeBlock constraint(TableElement constraint) {
        if (constraint instanceof PrimaryKey pk) {
            imports.add("primaryKey");
            return CodeBlock.of("primaryKey($S, $L)", pk.name(), strings(pk.columns()));
        }
        if (constraint instanceof UniqueConstraint unique) {
            imports.add("unique");
            return CodeBlock.of("unique($S, $L)", unique.name(), strings(unique.columns()));
        }
        if (constraint instanceof CheckConstraint check) {
            imports.add("check");
            return CodeBlock.of("check($S, $S)", check.name(), check.condition());
        }
        return foreignKey((ForeignKey) constraint);
    }

    private CodeBlock foreignKey(ForeignKey fk) {
        imports.add("foreignKey");
        CodeBlock.Builder code = CodeBlock.builder();
        if (fk.columns().size() == 1) {
            code.add("foreignKey($S, $S, $S, $S)", fk.name(), fk.columns().get(0), fk.referencedTable(),
                    fk.referencedColumns().get(0));
        }
        else {
            code.add("foreignKey($S, $T.of($L), $S, $T.of($L))", fk.name(), LIST, strings(fk.columns()),
                    fk.referencedTable(), LIST, strings(fk.referencedColumns()));
        }
        if (fk.onDelete() != null) {
            code.add(".onDelete($T.Action.$L)", FOREIGN_KEY, fk.onDelete().name());
        }
        if (fk.onUpdate() != null) {
            code.add(".onUpdate($T.Action.$L)", FOREIGN_KEY, fk.onUpdate().name());
        }
        if (fk.deferrable()) {
            code.add(".deferrable($L)", fk.initiallyDeferred());
        }
        return code.build();
    }

    private CodeBlock type(ColumnType type) {
        String factory = switch (type.kind()) {
            case UUID -> "uuid";
            case STRING -> "string";
            case TEXT -> "text";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case BOOLEAN -> "bool";
            case DECIMAL -> "decimal";
            case FLOAT -> "floatType";
            case DOUBLE -> "doubleType";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestampTz";
            case JSON -> "json";
            case JSONB -> "jsonb";
            case BYTES -> "bytes";
            case RAW -> "rawType";
        };
        imports.add(factory);
        return switch (type.kind()) {
            case STRING -> CodeBlock.of("string($L)", type.length());
            case DECIMAL -> CodeBlock.of("decimal($L, $L)", type.precision(), type.scale());
            case RAW -> CodeBlock.of("rawType($S)", type.raw());
            default -> CodeBlock.of("$L()", factory);
        };
    }

    private static CodeBlock strings(List<String> values) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (int i = 0; i < values.size(); i++) {
            code.add(i == 0 ? "$S" : ", $S", values.get(i));
        }
        return code.build();
    }
}
