package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.migrate.op.Column;
import dev.migrate.op.ColumnType;
import dev.migrate.op.Operation;
import dev.migrate.schema.Schema;
import dev.migrate.schema.TypeNames;

import static org.assertj.core.api.Assertions.assertThat;

/** One model change at a time, and exactly the operations it gives. */
class SchemaComparisonTest {

    static Schema.Column column(String name, String type, boolean nullable) {
        return new Schema.Column(name, type, nullable, null, false, null);
    }

    static Schema.Table users() {
        return new Schema.Table("users", List.of(column("id", "uuid", false), column("email", "varchar(255)", false),
                column("nickname", "varchar(50)", true)), List.of("id"), List.of(), List.of(),
                List.of(new Schema.Index("ix_users_email", List.of("email"), false)), List.of(), null);
    }

    static Schema.Table posts() {
        return new Schema.Table("posts", List.of(column("id", "bigint", false), column("user_id", "uuid", false)),
                List.of("id"), List.of(new Schema.ForeignKey("fk_posts_user", List.of("user_id"), "users", List.of("id"),
                        "CASCADE")), List.of(), List.of(), List.of(), null);
    }

    static final Schema LIVE = new Schema(List.of(users(), posts()), List.of());

    static Schema with(UnaryOperator<List<Schema.Table>> change) {
        return new Schema(change.apply(new ArrayList<>(LIVE.tables())), List.of());
    }

    static Schema.Table replace(Schema.Table table, List<Schema.Column> columns) {
        return new Schema.Table(table.name(), columns, table.primaryKey(), table.foreignKeys(), table.uniques(),
                table.indexes(), table.checks(), table.comment());
    }

    static List<Change> compare(Schema target) {
        return SchemaComparison.all().compare(target, LIVE);
    }

    @Test
    void nothingChangedFindsNothing() {
        assertThat(compare(LIVE)).isEmpty();
    }

    @Test
    void anAddedEntityIsACreateTableThenItsForeignKeyThenItsIndex() {
        Schema.Table comments = new Schema.Table("comments", List.of(column("id", "bigint", false),
                column("post_id", "bigint", false)), List.of("id"),
                List.of(new Schema.ForeignKey("fk_comments_post", List.of("post_id"), "posts", List.of("id"), null)),
                List.of(), List.of(new Schema.Index("ix_comments_post", List.of("post_id"), false)), List.of(), null);
        List<Change> changes = compare(with(tables -> { tables.add(0, comments); return tables; }));
        assertThat(changes).extracting(Change::description).containsExactly("add table comments",
                "add index ix_comments_post on comments[post_id]", "add foreign key fk_comments_post on comments[post_id] -> posts");
        assertThat(SchemaComparison.downgrade(changes)).extracting(op -> op.getClass().getSimpleName())
                .containsExactly("DropConstraint", "DropIndex", "DropTable");
    }

    @Test
    void newTablesComeAfterTheTablesTheyReference() {
        Schema target = new Schema(List.of(posts(), users()), List.of());
        List<Change> changes = SchemaComparison.all().compare(target, new Schema(List.of(), List.of()));
        assertThat(changes).extracting(Change::description).containsExactly("add table users", "add table posts",
                "add index ix_users_email on users[email]", "add foreign key fk_posts_user on posts[user_id] -> users");
    }

    @Test
    void anAddedFieldIsAnAddColumn() {
        List<Change> changes = compare(with(tables -> {
            tables.set(0, replace(users(), List.of(column("id", "uuid", false), column("email", "varchar(255)", false),
                    column("nickname", "varchar(50)", true), column("age", "integer", true))));
            return tables;
        }));
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.upgrade()).containsExactly(new Operation.AddColumn(null, "users",
                    Column.of("age", ColumnType.integer()), false));
            assertThat(change.downgrade()).containsExactly(new Operation.DropColumn(null, "users", "age", false));
        });
    }

    @Test
    void aDroppedFieldIsADropColumnWhoseDowngradeRestoresIt() {
        List<Change> changes = compare(with(tables -> {
            tables.set(0, replace(users(), List.of(column("id", "uuid", false), column("email", "varchar(255)", false))));
            return tables;
        }));
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.upgrade()).containsExactly(new Operation.DropColumn(null, "users", "nickname", false));
            assertThat(change.downgrade()).containsExactly(new Operation.AddColumn(null, "users",
                    Column.of("nickname", ColumnType.string(50)), false));
        });
    }

    @Test
    void aChangedLengthIsATypeChange() {
        List<Change> changes = compare(with(tables -> {
            tables.set(0, replace(users(), List.of(column("id", "uuid", false), column("email", "varchar(320)", false),
                    column("nickname", "varchar(50)", true))));
            return tables;
        }));
        assertThat(changes).extracting(Change::description).containsExactly("change users.email type varchar(255) -> varchar(320)");
        assertThat(((Operation.AlterColumn) changes.get(0).upgrade().get(0)).type()).isEqualTo(ColumnType.string(320));
        assertThat(((Operation.AlterColumn) changes.get(0).downgrade().get(0)).type()).isEqualTo(ColumnType.string(255));
    }

    @Test
    void aColumnMadeNullableIsAnAlterColumn() {
        List<Change> changes = compare(with(tables -> {
            tables.set(0, replace(users(), List.of(column("id", "uuid", false), column("email", "varchar(255)", true),
                    column("nickname", "varchar(50)", true))));
            return tables;
        }));
        assertThat(changes).extracting(Change::description).containsExactly("change users.email nullable");
        assertThat(((Operation.AlterColumn) changes.get(0).upgrade().get(0)).nullable()).isTrue();
        assertThat(((Operation.AlterColumn) changes.get(0).downgrade().get(0)).nullable()).isFalse();
    }

    @Test
    void anAddedIndexIsACreateIndex() {
        List<Change> changes = compare(with(tables -> {
            Schema.Table t = users();
            tables.set(0, new Schema.Table(t.name(), t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(),
                    List.of(t.indexes().get(0), new Schema.Index("ix_users_nickname", List.of("nickname"), false)),
                    t.checks(), null));
            return tables;
        }));
        assertThat(changes).extracting(Change::description).containsExactly("add index ix_users_nickname on users[nickname]");
    }

    @Test
    void anAddedForeignKeyIsAnAddConstraint() {
        List<Change> changes = compare(with(tables -> {
            Schema.Table p = posts();
            tables.set(1, new Schema.Table(p.name(), List.of(column("id", "bigint", false), column("user_id", "uuid", false),
                    column("editor_id", "uuid", true)), p.primaryKey(), List.of(p.foreignKeys().get(0),
                    new Schema.ForeignKey("fk_posts_editor", List.of("editor_id"), "users", List.of("id"), "SET NULL")),
                    List.of(), List.of(), List.of(), null));
            return tables;
        }));
        assertThat(changes).extracting(Change::description).containsExactly("add column posts.editor_id",
                "add foreign key fk_posts_editor on posts[editor_id] -> users");
    }

    @Test
    void aRenamedFieldIsAddAndDropWithAHintToRename() {
        List<Change> changes = compare(with(tables -> {
            tables.set(0, replace(users(), List.of(column("id", "uuid", false), column("email", "varchar(255)", false),
                    column("display_name", "varchar(50)", true))));
            return tables;
        }));
        assertThat(changes).extracting(Change::description).containsExactly("add column users.display_name",
                "remove column users.nickname");
        assertThat(changes.get(0).hint()).isEqualTo("This may be a rename of \"users\".\"nickname\" (same type): to "
                + "keep the data, replace this change and the removal of \"nickname\" with op.renameColumn(\"users\", "
                + "\"nickname\", \"display_name\");");
    }

    @Test
    void equivalentSpellingsAreEqual() {
        assertThat(TypeNames.normalize("int8")).isEqualTo(TypeNames.normalize("bigint"));
        assertThat(TypeNames.normalize("character varying(255)")).isEqualTo(TypeNames.normalize("varchar(255)"));
        assertThat(TypeNames.normalize("timestamp(6) with time zone")).isEqualTo(TypeNames.normalize("timestamptz"));
        assertThat(TypeNames.normalize("float(53)")).isEqualTo(TypeNames.normalize("double precision"));
        assertThat(TypeNames.normalize("NUMERIC(38, 2)")).isEqualTo(TypeNames.normalize("numeric(38,2)"));
        assertThat(Defaults.same("'DRAFT'", "'DRAFT'::character varying")).isTrue();
        assertThat(Defaults.same("now()", "CURRENT_TIMESTAMP")).isTrue();
        assertThat(Defaults.same("'a'", "'b'::character varying")).isFalse();
    }

    @Test
    void aUniqueIndexSatisfiesAUniqueConstraintOnTheSameColumns() {
        Schema.Table t = users();
        Schema live = new Schema(List.of(new Schema.Table("users", t.columns(), t.primaryKey(), List.of(), List.of(),
                List.of(new Schema.Index("idx_users_email", List.of("email"), true)), List.of(), null)), List.of());
        Schema target = new Schema(List.of(new Schema.Table("users", t.columns(), t.primaryKey(), List.of(),
                List.of(new Schema.Unique("uk_email", List.of("email"))), List.of(), List.of(), null)), List.of());
        assertThat(SchemaComparison.all().compare(target, live)).isEmpty();
    }

    @Test
    void excludedTablesAreNotCompared() {
        Schema target = new Schema(List.of(users()), List.of());
        assertThat(new SchemaComparison(List.of(), List.of("post*")).compare(target, LIVE)).isEmpty();
        assertThat(new SchemaComparison(List.of("users"), List.of()).compare(target, LIVE)).isEmpty();
        assertThat(SchemaComparison.all().compare(target, LIVE)).extracting(Change::description)
                .containsExactly("remove foreign key fk_posts_user on posts", "remove table posts");
    }

    static Schema withLevels(String... labels) {
        return new Schema(LIVE.tables(), List.of(), List.of(new Schema.EnumType("level", List.of(labels))));
    }

    @Test
    void enumLabelsTheModelAddsGoWhereTheModelPutsThem() {
        List<Change> changes = SchemaComparison.all().compare(withLevels("TOP", "UP", "LOW", "MID", "HIGH", "MAX"),
                withLevels("LOW", "HIGH"));
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.description()).isEqualTo("add [TOP, UP, MID, MAX] to enum type level");
            assertThat(change.upgrade()).containsExactly(
                    new Operation.AddEnumValue(null, "level", "TOP", "LOW", null),
                    new Operation.AddEnumValue(null, "level", "UP", null, "TOP"),
                    new Operation.AddEnumValue(null, "level", "MID", null, "LOW"),
                    new Operation.AddEnumValue(null, "level", "MAX", null, "HIGH"));
            assertThat(change.downgrade()).isEmpty();
            assertThat(change.hint()).contains("the downgrade leaves [TOP, UP, MID, MAX] in level");
        });
        assertThat(new JavaRenderer().upgrade(changes).toString())
                .contains("op.addEnumValueBefore(\"level\", \"TOP\", \"LOW\");")
                .contains("op.addEnumValueAfter(\"level\", \"MAX\", \"HIGH\");");
        assertThat(new JavaRenderer().upgrade(SchemaComparison.all().compare(withLevels("LOW", "HIGH", "NEW"),
                withLevels())).toString()).contains("op.addEnumValue(\"level\", \"LOW\");\n"
                        + "op.addEnumValueAfter(\"level\", \"HIGH\", \"LOW\");\n"
                        + "op.addEnumValueAfter(\"level\", \"NEW\", \"HIGH\");\n");
    }

    @Test
    void enumLabelsRemovedOrReorderedAreNamedWithoutAnOperation() {
        for (Schema target : List.of(withLevels("HIGH", "LOW"), withLevels("LOW"), withLevels("LOW", "NEW"))) {
            assertThat(SchemaComparison.all().compare(target, withLevels("LOW", "HIGH"))).singleElement()
                    .satisfies(change -> {
                        assertThat(change.description()).startsWith("change values of enum type level from "
                                + "[LOW, HIGH] to ");
                        assertThat(change.upgrade()).isEmpty();
                        assertThat(change.hint()).contains("cannot remove or reorder the values of enum type level");
                    });
        }
    }

    @Test
    void enumTypesComeBeforeTheirTablesAndGoAfterTheirColumns() {
        Schema.Table tasks = new Schema.Table("tasks", List.of(column("id", "bigint", false), column("level", "level",
                true)), List.of("id"), List.of(), List.of(), List.of(), List.of(), null);
        Schema target = new Schema(List.of(tasks), List.of(), List.of(new Schema.EnumType("level", List.of("LOW"))));
        Schema live = new Schema(List.of(), List.of(), List.of(new Schema.EnumType("gone", List.of("X"))));
        List<Change> changes = SchemaComparison.all().compare(target, live);
        assertThat(changes).extracting(Change::description).containsExactly("add enum type level", "add table tasks",
                "remove enum type gone");
        assertThat(SchemaComparison.upgrade(changes).get(0))
                .isEqualTo(new Operation.CreateEnumType(null, "level", List.of("LOW")));
        assertThat(SchemaComparison.downgrade(changes)).containsExactly(
                new Operation.CreateEnumType(null, "gone", List.of("X")), new Operation.DropTable(null, "tasks", false),
                new Operation.DropEnumType(null, "level", false));
        assertThat(new SchemaComparison(List.of(), List.of("gone")).compare(target, live))
                .extracting(Change::description).containsExactly("add enum type level", "add table tasks");
    }

    @Test
    void anEnumTypeGoesWithTheTablesThatUseIt() {
        Schema.Table t = new Schema.Table("t", List.of(column("id", "bigint", false), column("l", "level", true)),
                List.of("id"), List.of(), List.of(), List.of(), List.of(), null);
        Schema.Table legacy = new Schema.Table("legacy", List.of(column("k", "legacy_kind[]", true)), List.of(),
                List.of(), List.of(), List.of(), List.of(), null);
        Schema.EnumType level = new Schema.EnumType("level", List.of("LOW"));
        Schema.EnumType legacyKind = new Schema.EnumType("legacy_kind", List.of("OLD"));
        // Only table t compared: the type it needs is created though its name matches no pattern.
        assertThat(new SchemaComparison(List.of("t"), List.of()).compare(new Schema(List.of(t), List.of(),
                List.of(level)), new Schema(List.of(), List.of()))).extracting(Change::description)
                .containsExactly("add enum type level", "add table t");
        // A type an excluded table uses is not dropped.
        assertThat(new SchemaComparison(List.of(), List.of("legacy")).compare(new Schema(List.of(), List.of()),
                new Schema(List.of(legacy), List.of(), List.of(legacyKind)))).isEmpty();
        // A model that knows no enum types (translated field by field) does not drop the one its column uses.
        assertThat(SchemaComparison.all().compare(new Schema(List.of(t), List.of()), new Schema(List.of(t), List.of(),
                List.of(level)))).isEmpty();
    }

    @Test
    void aColumnBecomingAnEnumTypeIsConvertedThroughText() {
        Schema.Table before = new Schema.Table("t", List.of(column("l", "varchar(10)", true)), List.of(), List.of(),
                List.of(), List.of(), List.of(), null);
        Schema.Table after = new Schema.Table("t", List.of(column("l", "level", true)), List.of(), List.of(),
                List.of(), List.of(), List.of(), null);
        List<Change> changes = SchemaComparison.all().compare(new Schema(List.of(after), List.of(),
                List.of(new Schema.EnumType("level", List.of("LOW")))), new Schema(List.of(before), List.of()));
        assertThat(SchemaComparison.upgrade(changes)).extracting(Object::getClass).containsExactly(
                Operation.CreateEnumType.class, Operation.AlterColumn.class);
        assertThat(((Operation.AlterColumn) SchemaComparison.upgrade(changes).get(1)).using())
                .isEqualTo("l::text::level");
        assertThat(((Operation.AlterColumn) SchemaComparison.downgrade(changes).get(0)).using()).isNull();
    }
}
