package dev.migrate.autoconfigure.observation;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.TestRevision;
import dev.migrate.runtime.MigrationFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/** A span per run and per revision, as a tracing backend would receive them from the observation registry. */
class MigrateObservationAutoConfigurationTests {

    final Recorder recorder = new Recorder();

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
                    MigrateObservationAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .withBean(ObservationRegistry.class, () -> {
                ObservationRegistry registry = ObservationRegistry.create();
                registry.observationConfig().observationHandler(recorder);
                return registry;
            });

    @Test
    void eachRevisionIsAnObservationWithinTheRunsObservation() {
        runner.withPropertyValues("migrate.locations=classpath:dev/migrate/seed/java").run(context -> {
            assertThat(context).hasNotFailed();
            List<Observation.Context> steps = recorder.named("migrate.revision");
            assertThat(steps).extracting(step -> step.getHighCardinalityKeyValue("migrate.revision").getValue())
                    .containsExactly("a1b2c3d4e5f6", "b2c3d4e5f6a1", "c3d4e5f6a1b2", "d4e5f6a1b2c3");
            assertThat(steps).allSatisfy(step -> {
                assertThat(step.getLowCardinalityKeyValue("migrate.direction").getValue()).isEqualTo("upgrade");
                assertThat(step.getLowCardinalityKeyValue("migrate.instance").getValue()).isEqualTo("migrate");
                assertThat(step.getLowCardinalityKeyValues()).noneMatch(key -> key.getKey().equals("migrate.revision"));
                assertThat(step.getParentObservation().getContextView().getName()).isEqualTo("migrate.run");
                assertThat(step.getError()).isNull();
            });
            assertThat(recorder.named("migrate.run")).singleElement()
                    .satisfies(run -> assertThat(run.getHighCardinalityKeyValue("migrate.revisions").getValue())
                            .isEqualTo("a1b2c3d4e5f6,b2c3d4e5f6a1,c3d4e5f6a1b2,d4e5f6a1b2c3"));
        });
    }

    @Test
    void aFailingRevisionIsTheErrorOfItsObservationAndOfTheRuns() {
        runner.withPropertyValues("migrate.locations=classpath:failing/revisions").run(context -> {
            assertThat(context).hasFailed();
            assertThat(recorder.named("migrate.revision")).extracting(Observation.Context::getError)
                    .satisfiesExactly(first -> assertThat(first).isNull(),
                            second -> assertThat(second).isInstanceOf(MigrationFailedException.class));
            assertThat(recorder.named("migrate.run")).singleElement()
                    .satisfies(run -> assertThat(run.getError()).isInstanceOf(MigrationFailedException.class));
        });
    }

    @Test
    void aRunStartedByARevisionIsObservedWithinItAndBothEnd() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(recorder);
        MigrateObservations observations = new MigrateObservations(registry);
        Migrate inner = Migrate.builder().name("inner")
                .dataSource(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""))
                .scripts(ScriptDirectory.of(List.of(TestRevision.of("bbbb00000001", null,
                        op -> op.execute("CREATE TABLE b (id int)"), op -> { })))).listener(observations).build();
        Migrate outer = Migrate.builder().name("outer")
                .dataSource(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""))
                .scripts(ScriptDirectory.of(List.of(TestRevision.of("aaaa00000001", null,
                        op -> op.jdbc("upgrade the inner database", connection -> inner.upgrade("heads")), op -> { }))))
                .listener(observations).build();
        outer.upgrade("heads");
        assertThat(recorder.named("migrate.run")).extracting(run -> run.getLowCardinalityKeyValue("migrate.instance")
                .getValue()).containsExactly("inner", "outer");
        assertThat(recorder.named("migrate.revision")).allSatisfy(step -> assertThat(step.getParentObservation()
                .getContextView().getLowCardinalityKeyValue("migrate.instance").getValue())
                .isEqualTo(step.getLowCardinalityKeyValue("migrate.instance").getValue()));
        assertThat(recorder.named("migrate.revision")).hasSize(2);
    }

    @Test
    void backsOffWithoutAnObservationRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        MigrateAutoConfiguration.class, MigrateObservationAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "migrate.locations=classpath:dev/migrate/seed/java")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrateObservations.class));
    }

    /** Every observation that stopped, in the order they stopped. */
    static final class Recorder implements ObservationHandler<Observation.Context> {

        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        List<Observation.Context> named(String name) {
            return stopped.stream().filter(context -> context.getName().equals(name)).toList();
        }
    }
}
