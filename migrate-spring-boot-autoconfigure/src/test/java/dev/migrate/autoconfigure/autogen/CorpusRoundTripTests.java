package dev.migrate.autoconfigure.autogen;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.autogen.clinic.Clinic;
import dev.migrate.autoconfigure.autogen.corpus.CorpusModel;
import dev.migrate.autoconfigure.autogen.postgres.NativeEnums;
import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.Change;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entity models nobody wrote for Migrate's own sake through autogenerate on PostgreSQL and H2: the corpus (36
 * entities, every mapping that makes DDL) and a clinic of PetClinic's shape with Bean Validation constraints. For
 * each: the first revision compiles and applies, Hibernate validates the result, a second autogenerate finds nothing,
 * the schema is the one Hibernate's own {@code create} builds, a database Hibernate built is adopted with nothing
 * proposed, and the downgrade leaves only Migrate's tables.
 */
class CorpusRoundTripTests {

    static final String CORPUS = CorpusModel.class.getPackageName();

    /**
     * An entity model: its package, some of the tables its first revision must add, and text the schema's dump must
     * then hold (the clinic's Bean Validation constraints, which only Hibernate Validator turns into DDL).
     */
    record Model(String entityPackage, List<String> someTables, List<String> inTheSchema) {

        @Override
        public String toString() {
            return entityPackage.substring(entityPackage.lastIndexOf('.') + 1);
        }
    }

    /** The models both databases take. */
    static Stream<Model> onBoth() {
        return Stream.of(
                new Model(CORPUS, List.of("accounts", "order", "jhi_user", "jhi_user_authority", "article_tags", "car"),
                        List.of()),
                new Model(Clinic.class.getPackageName(), List.of("owners", "pets", "types", "visits", "vets",
                        "specialties", "vet_specialties"), List.of("name=first_name, type=varchar(30), nullable=false",
                                "name=weight_kg, type=numeric(5,2)", "name=minutes, type=integer, nullable=false",
                                " <= 240)")));
    }

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

        @ParameterizedTest(name = "{0}")
        @MethodSource("models")
        void fromEmptyToHibernatesOwnSchemaAndBack(Model model) throws Exception {
            ModelRoundTrip trip = new ModelRoundTrip(model.entityPackage(), db(), work);
            List<Change> first = trip.generateAndApply();
            assertThat(first).extracting(Change::description)
                    .containsAll(model.someTables().stream().map(table -> "add table " + table).toList());

            String applied = ModelRoundTrip.dump(db());
            model.inTheSchema().forEach(text -> assertThat(applied).contains(text));
            trip.hibernateValidates();
            List<Change> again = trip.compare(db(), trip.migrate());
            assertThat(again).as(Autogenerator.describe(again)).isEmpty();

            trip.hibernateCreates(created());
            assertThat(ModelRoundTrip.dump(db())).isEqualTo(ModelRoundTrip.dump(created()));

            trip.migrate().downgrade("base");
            assertThat(new Catalog(db()).tables()).containsExactlyInAnyOrder("migrate_version", "migrate_history");
            assertThat(ModelRoundTrip.dump(db())).as("no table, sequence or type of the model left").isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("models")
        void aDatabaseHibernateBuiltIsAdoptedWithNothingProposed(Model model) throws Exception {
            ModelRoundTrip trip = new ModelRoundTrip(model.entityPackage(), created(), work);
            trip.hibernateCreates(created());
            Migrate adopting = Migrate.builder().dataSource(created().dataSource())
                    .scripts(dev.migrate.script.ScriptDirectory.of(List.of())).build();
            List<Change> proposed = trip.compare(created(), adopting);
            assertThat(proposed).as(Autogenerator.describe(proposed)).isEmpty();
        }
    }

    @Nested
    class OnPostgres extends Contract {

        /** Both databases' models, and one of mappings only PostgreSQL takes (its own enum types). */
        static Stream<Model> models() {
            return Stream.concat(onBoth(), Stream.of(new Model(NativeEnums.class.getPackageName(),
                    List.of("ticket", "escalation"),
                    // Hibernate writes the labels in name order, and casts from and to varchar.
                    List.of("EnumType[name=priority, values=[LOW, NORMAL, URGENT], varcharCasts=true]",
                            "EnumType[name=stage, values=[DONE, DRAFT, REVIEW], varcharCasts=true]"))));
        }

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

        static Stream<Model> models() {
            return onBoth();
        }

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
