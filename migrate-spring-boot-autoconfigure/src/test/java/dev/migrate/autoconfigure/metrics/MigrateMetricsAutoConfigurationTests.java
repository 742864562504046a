package dev.migrate.autoconfigure.metrics;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrate.Migrate;
import dev.migrate.script.ScriptDirectory;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateMetricsAutoConfigurationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrateMetricsAutoConfiguration.class));

    @Test
    void recordsStepsWhenARegistryExists() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(Migrate.class, () -> Migrate.builder().scripts(ScriptDirectory.of(List.of())).build())
                .run(context -> assertThat(context).hasSingleBean(MigrateMetrics.class)
                        .hasSingleBean(MigratePendingGauge.class));
    }

    @Test
    void backsOffWithoutARegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MigrateMetrics.class));
    }
}
