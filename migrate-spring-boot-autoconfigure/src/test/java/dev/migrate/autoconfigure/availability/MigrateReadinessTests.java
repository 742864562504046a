package dev.migrate.autoconfigure.availability;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.migrate.autoconfigure.MigrateStrategy;
import dev.migrate.runtime.MigrationListener;
import dev.migrate.runtime.StepEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that serves traffic while its upgrade runs in the background: it is not ready until the upgrade has
 * finished, although the upgrade began before the application became ready.
 */
class MigrateReadinessTests {

    static final CountDownLatch stepEntered = new CountDownLatch(1);

    static final CountDownLatch gate = new CountDownLatch(1);

    static volatile CompletableFuture<Void> upgrade;

    @Test
    void readinessRefusesTrafficUntilABackgroundUpgradeHasFinished() throws Exception {
        SpringApplication application = new SpringApplication(BackgroundUpgradeApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--migrate.locations=classpath:dev/migrate/seed/java", "--spring.jpa.hibernate.ddl-auto=none")) {
            ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
            try {
                assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
            }
            finally {
                gate.countDown();
            }
            upgrade.get(60, TimeUnit.SECONDS);
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    @Test
    void aRefusalOfSomeoneElsesIsNotLiftedWhenTheRunEnds() {
        try (org.springframework.context.support.GenericApplicationContext context =
                new org.springframework.context.support.GenericApplicationContext()) {
            context.registerBean(org.springframework.boot.availability.ApplicationAvailabilityBean.class);
            context.refresh();
            ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
            MigrateReadiness readiness = new MigrateReadiness(availability, context);
            context.addApplicationListener(readiness);
            org.springframework.boot.availability.AvailabilityChangeEvent.publish(context,
                    ReadinessState.ACCEPTING_TRAFFIC);
            readiness.runStarted(null);
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
            // The context closing, or an operator, refuses traffic while the run goes on.
            org.springframework.boot.availability.AvailabilityChangeEvent.publish(context,
                    ReadinessState.REFUSING_TRAFFIC);
            readiness.runFinished(null, null);
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class BackgroundUpgradeApplication {

        /** Starts the upgrade on a thread of its own and returns once its first revision is under way. */
        @Bean
        MigrateStrategy backgroundUpgrade() {
            return migrate -> {
                upgrade = CompletableFuture.runAsync(() -> migrate.upgrade("heads"));
                await(stepEntered);
            };
        }

        /** Holds the first revision until the test lets it go. */
        @Bean
        MigrationListener slowRevision() {
            return new MigrationListener() {
                @Override
                public void stepStarted(StepEvent event) {
                    stepEntered.countDown();
                    await(gate);
                }
            };
        }
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
