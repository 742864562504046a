package dev.migrate.autoconfigure.autogen;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.Change;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One edit of an entity model at a time, each in a package of its own under {@code edits}: from the base model's
 * schema (with rows in it), autogenerate writes the edit's revision, which applies, validates, diffs empty, downgrades
 * back to exactly the base schema, and applies again.
 */
class ModelEditsTests {

    static final String EDITS = "dev.migrate.autoconfigure.autogen.edits.";

    abstract static class Contract {

        @TempDir
        Path work;

        abstract TestDatabase db();

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"nullablecolumn", "notnullwithdefault", "length", "precision", "type", "unique",
            "indexdesc", "foreignkeyondelete", "check", "enumvalue", "entity", "rename", "inheritance"})
        void anEditAppliesDiffsEmptyAndGoesBackToTheBase(String edit) throws Exception {
            db().reset();
            ModelRoundTrip trip = new ModelRoundTrip(EDITS + "base", db(), work);
            trip.generateAndApply();
            db().execute("INSERT INTO customer (id, name, balance, visits, status) VALUES (1, 'Ada', 5.00, 3, 'ACTIVE')",
                    "INSERT INTO customer (id, name, balance, visits, status) VALUES (2, 'Grace', 0, 7, 'CLOSED')");
            String base = ModelRoundTrip.dump(db());

            trip.modelIn(EDITS + edit);
            List<Change> changes = trip.generateAndApply();
            assertThat(changes).as("the edit is found").isNotEmpty();
            if (edit.equals("rename")) {
                assertThat(changes).extracting(Change::hint).anySatisfy(hint -> assertThat(hint)
                        .contains("op.renameColumn(\"customer\", \"name\", \"full_name\");"));
            }
            trip.hibernateValidates();
            List<Change> again = trip.compare(db(), trip.migrate());
            assertThat(again).as(Autogenerator.describe(again)).isEmpty();
            assertThat(db().queryForStrings("SELECT count(*) FROM customer")).containsExactly("2");

            trip.migrate().downgrade("-1");
            assertThat(ModelRoundTrip.dump(db())).isEqualTo(base);
            trip.migrate().upgrade("heads");
            assertThat(trip.compare(db(), trip.migrate())).isEmpty();
        }
    }

    @Nested
    class OnPostgres extends Contract {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.postgres();

        @Override
        TestDatabase db() {
            return db;
        }
    }

    @Nested
    class OnH2 extends Contract {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.h2();

        @Override
        TestDatabase db() {
            return db;
        }
    }
}
