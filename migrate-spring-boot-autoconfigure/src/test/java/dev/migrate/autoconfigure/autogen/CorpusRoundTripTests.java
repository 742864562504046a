package dev.migrate.autoconfigure.autogen;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;


import dev.migrate.Migrate;
import dev.migrate.autoconfigure.autogen.corpus.CorpusModel;
import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.Change;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entity corpus (36 entities, every mapping that makes DDL) through autogenerate on PostgreSQL and H2: the first
 * revision compiles and applies, Hibernate validates the result, a second autogenerate finds nothing, the schema is
 * the one Hibernate's own {@code create} builds, a database Hibernate built is adopted with nothing proposed, and the
 * downgrade leaves only Migrate's tables.
 */
class CorpusRoundTripTests {

    static final String CORPUS = CorpusModel.class.getPackageName();

    abstract static class Contract {

        @TempDir
        Path work;

        abstract TestDatabase db();

        abstract TestDatabase created();

        @BeforeEach
        void empty() throws Exception {
            db().reset();
            created().reset();
        }

        @Test
        void fromEmptyToHibernatesOwnSchemaAndBack() throws Exception {
            ModelRoundTrip trip = new ModelRoundTrip(CORPUS, db(), work);
            List<Change> first = trip.generateAndApply();
            assertThat(first).extracting(Change::description).contains("add table accounts", "add table order",
                    "add table jhi_user", "add table jhi_user_authority", "add table article_tags", "add table car");

            trip.hibernateValidates();
            List<Change> again = trip.compare(db(), trip.migrate());
            assertThat(again).as(Autogenerator.describe(again)).isEmpty();

            trip.hibernateCreates(created());
            assertThat(ModelRoundTrip.dump(db())).isEqualTo(ModelRoundTrip.dump(created()));

            trip.migrate().downgrade("base");
            assertThat(new Catalog(db()).tables()).containsExactlyInAnyOrder("migrate_version", "migrate_history");
        }

        @Test
        void aDatabaseHibernateBuiltIsAdoptedWithNothingProposed() throws Exception {
            ModelRoundTrip trip = new ModelRoundTrip(CORPUS, created(), work);
            trip.hibernateCreates(created());
            Migrate adopting = Migrate.builder().dataSource(created().dataSource())
                    .scripts(dev.migrate.script.ScriptDirectory.of(List.of())).build();
            List<Change> proposed = trip.compare(created(), adopting);
            assertThat(proposed).as(Autogenerator.describe(proposed)).isEmpty();
        }
    }

    @Nested
    class OnPostgres extends Contract {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.postgres();

        @RegisterExtension
        static final TestDatabase created = TestDatabase.postgres();

        @Override
        TestDatabase db() {
            return db;
        }

        @Override
        TestDatabase created() {
            return created;
        }
    }

    @Nested
    class OnH2 extends Contract {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.h2();

        @RegisterExtension
        static final TestDatabase created = TestDatabase.h2();

        @Override
        TestDatabase db() {
            return db;
        }

        @Override
        TestDatabase created() {
            return created;
        }
    }
}
