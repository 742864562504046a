package dev.migrate.runtime;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.Migrate;
import dev.migrate.revision.ResolutionException;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestRevision;

import static dev.migrate.op.Ddl.column;
import static dev.migrate.op.Ddl.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Relative downgrades and stamp on a real database, for a graph where the head also depends on its sibling: a, then b
 * and c, both children of a, and c depends on b. Only what the command names changes.
 */
class ExactPlansOnPostgresTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    static TestRevision table(String id, String parent) {
        return TestRevision.of(id, parent, op -> op.createTable("t_" + id, column("id", integer())),
                op -> op.dropTable("t_" + id));
    }

    final Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of(
            table("a", null), table("b", "a"), table("c", "a").withDependsOn("b")))).build();

    @BeforeEach
    void atTheHead() throws Exception {
        db.reset();
        migrate.upgrade("heads");
        assertThat(migrate.current()).containsExactly("c");
    }

    @Test
    void minusOneUndoesTheCurrentRevisionAndNothingItMerelyDependsOn() throws Exception {
        RunResult result = migrate.downgrade("-1");

        assertThat(result.plan().revisionIds()).containsExactly("c");
        assertThat(migrate.current()).containsExactly("b");
        assertThat(new Catalog(db).tables()).contains("t_a", "t_b").doesNotContain("t_c");
    }

    @Test
    void aWalkThatWouldUndoMoreThanItCountedChangesNothing() throws Exception {
        assertThatThrownBy(() -> migrate.downgrade("-2")).isInstanceOf(ResolutionException.class)
                .hasMessageStartingWith("Relative revision -2 would undo a, c, but b follow or depend on them");
        assertThat(migrate.current()).containsExactly("c");
        assertThat(new Catalog(db).tables()).contains("t_a", "t_b", "t_c");
    }

    @Test
    void stampFollowsDependenciesAsLineage() throws Exception {
        RunResult result = migrate.stamp("b", false);

        assertThat(result.plan().fromRows()).containsExactly("c");
        assertThat(migrate.current()).containsExactly("b");
        assertThat(new Catalog(db).tables()).contains("t_a", "t_b", "t_c");
    }
}
