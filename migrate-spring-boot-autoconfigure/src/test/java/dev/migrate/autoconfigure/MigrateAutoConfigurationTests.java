package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.migrate.Migrate;
import dev.migrate.runtime.ChecksumMismatchException;
import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.runtime.MigrationListener;
import dev.migrate.runtime.StepEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration's conditions, back-offs and properties, each on a fresh in-memory H2 database. */
class MigrateAutoConfigurationTests {

    static final String SEED = "classpath:dev/migrate/seed/java";

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    MigrateAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "migrate.locations=" + SEED);

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrate.class));
    }

    @Test
    void upgradesToTheHeadsOnStartup() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Migrate.class).hasSingleBean(MigrateInitializer.class);
            assertThat(context.getBean(MigrateCommandRunner.class).hasCommand()).isFalse();
            assertThat(context.getBean(Migrate.class).current()).containsExactly("d4e5f6a1b2c3");
            assertThat(context.getBean(JdbcTemplate.class).queryForList("SELECT email FROM users", String.class))
                    .containsExactly("system@example.com");
        });
    }

    @Test
    void isSwitchedOffByProperty() {
        runner.withPropertyValues("migrate.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Migrate.class).doesNotHaveBean(MigrateInitializer.class));
    }

    @Test
    void theTargetPropertyStopsWhereItSays() {
        runner.withPropertyValues("migrate.target=+2")
                .run(context -> assertThat(context.getBean(Migrate.class).current()).containsExactly("b2c3d4e5f6a1"));
    }

    @Test
    void backsOffWhenTheUserDefinesMigrateAndStillUpgradesWithIt() {
        runner.withUserConfiguration(UserMigrate.class).run(context -> {
            assertThat(context).hasSingleBean(Migrate.class);
            assertThat(context.getBean(Migrate.class).settings().versionTable()).isEqualTo("user_version");
            assertThat(context.getBean(Migrate.class).current()).containsExactly("d4e5f6a1b2c3");
        });
    }

    @Test
    void aStrategyReplacesTheStartupUpgrade() {
        runner.withBean(MigrateStrategy.class, () -> migrate -> { })
                .run(context -> assertThat(context.getBean(Migrate.class).current()).isEmpty());
    }

    @Test
    void backsOffWhenTheUserDefinesTheInitializer() {
        runner.withBean(MigrateInitializer.class, () -> new MigrateInitializer(null, migrate -> { }, "heads") {
            @Override
            public void afterPropertiesSet() {
            }
        }).run(context -> assertThat(context.getBean(Migrate.class).current()).isEmpty());
    }

    @Test
    void aQualifiedDataSourceIsUsedOverThePrimaryOne() {
        runner.withUserConfiguration(TwoDataSources.class).run(context -> {
            DataSource migrated = context.getBean("migrateDataSource", DataSource.class);
            assertThat(context.getBean(Migrate.class).dataSource()).isSameAs(migrated);
            assertThat(new JdbcTemplate(migrated).queryForList("SELECT version_num FROM migrate_version", String.class))
                    .containsExactly("d4e5f6a1b2c3");
        });
    }

    @Test
    void aMigrateUrlGetsItsOwnConnection() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        runner.withPropertyValues("migrate.url=" + url, "migrate.user=sa").run(context -> {
            assertThat(new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""))
                    .queryForList("SELECT version_num FROM migrate_version", String.class)).containsExactly("d4e5f6a1b2c3");
            assertThat(context.getBean(JdbcTemplate.class)
                    .queryForList("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC' AND table_name = 'USERS'", Integer.class))
                    .containsExactly(0);
        });
    }

    @Test
    void connectionDetailsOfMigratesOwnAreUsedOverThePrimaryDataSource() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        MigrateConnectionDetails details = new MigrateConnectionDetails() {
            public String getJdbcUrl() {
                return url;
            }

            public String getUsername() {
                return "sa";
            }

            public String getPassword() {
                return "";
            }
        };
        runner.withBean(MigrateConnectionDetails.class, () -> details).run(context -> {
            assertThat(new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""))
                    .queryForList("SELECT version_num FROM migrate_version", String.class)).containsExactly("d4e5f6a1b2c3");
            assertThat(tableCount(context.getBean(JdbcTemplate.class), "MIGRATE_VERSION")).isZero();
        });
    }

    static int tableCount(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC' AND table_name = ?",
                Integer.class, table);
    }

    @Test
    void onStartValidateFailsWhileRevisionsArePendingAndChangesNothing() {
        ApplicationContextRunner validating = runner.withPropertyValues("migrate.on-start=validate");
        validating.run(context -> {
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(MigrateInitializer.NotMigratedException.class)
                    .hasMessage("The database is not at its target 'heads': 4 revision(s) pending (a1b2c3d4e5f6, "
                            + "b2c3d4e5f6a1, c3d4e5f6a1b2, d4e5f6a1b2c3).");
        });
        runner.withPropertyValues("migrate.on-start=none").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(tableCount(context.getBean(JdbcTemplate.class), "MIGRATE_VERSION")).isZero();
            assertThat(tableCount(context.getBean(JdbcTemplate.class), "USERS")).isZero();
        });
        runner.run(context -> assertThat(context.getBean(Migrate.class).current()).containsExactly("d4e5f6a1b2c3"));
        validating.run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("migrate.on-start=validate", "migrate.locations=classpath:dev/migrate/autoconfigure/analytics")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageStartingWith("The database holds revision(s) the application does not know: ")
                        .hasMessageContaining("d4e5f6a1b2c3"));
    }

    @Test
    void anInstanceMigratesTheDataSourceBeanItNames() {
        runner.withUserConfiguration(AnalyticsDataSource.class)
                .withPropertyValues("migrate.instances.analytics.data-source=analyticsDataSource",
                        "migrate.instances.analytics.locations=classpath:dev/migrate/autoconfigure/analytics")
                .run(context -> {
                    assertThat(context.getBean("analyticsMigrate", Migrate.class).current())
                            .containsExactly("aa0000000001");
                    JdbcTemplate analytics = new JdbcTemplate(context.getBean("analyticsDataSource", DataSource.class));
                    assertThat(tableCount(analytics, "EVENTS")).isOne();
                    assertThat(tableCount(analytics, "USERS")).isZero();
                    assertThat(context.getBean("migrate", Migrate.class).current()).containsExactly("d4e5f6a1b2c3");
                });
    }

    @Test
    void anInstanceWithoutADatabaseFailsNamingItsProperty() {
        runner.withPropertyValues("migrate.instances.analytics.locations=classpath:dev/migrate/autoconfigure/analytics")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .hasMessageContaining("Property migrate.instances.analytics.url with value")
                        .hasMessageContaining("give migrate.instances.analytics.url (with user and password) or "
                                + "migrate.instances.analytics.data-source"));
        runner.withPropertyValues("migrate.instances.9lives.url=jdbc:h2:mem:x")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("Property migrate.instances.9lives with value")
                        .hasMessageContaining("An instance name starts with a letter"));
        runner.withPropertyValues("migrate.instances.analytics.url=jdbc:h2:mem:x",
                "migrate.instances.analytics.target=a:b").run(context -> assertThat(context.getStartupFailure())
                        .rootCause().hasMessageContaining("Property migrate.instances.analytics.target with value"));
    }

    @Test
    void anInstanceCannotTakeTheDefaultInstancesName() {
        runner.withPropertyValues("migrate.instances.migrate.url=jdbc:h2:mem:x",
                "migrate.instances.migrate.locations=classpath:dev/migrate/autoconfigure/analytics")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .hasMessageContaining("Property migrate.instances.migrate with value")
                        .hasMessageContaining("is the name of the instance the top-level migrate.* properties configure"));
    }

    @Test
    void dataSourcesThatTheInstancesNameMakeNoDefaultInstance() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withUserConfiguration(OrdersAndUsers.class)
                .withPropertyValues("migrate.instances.orders.data-source=ordersDataSource",
                        "migrate.instances.orders.locations=classpath:dev/migrate/autoconfigure/analytics",
                        "migrate.instances.users.data-source=usersDataSource",
                        "migrate.instances.users.locations=" + SEED)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("migrate");
                    assertThat(context.getBean("ordersMigrate", Migrate.class).current()).containsExactly("aa0000000001");
                    assertThat(context.getBean("usersMigrate", Migrate.class).current()).containsExactly("d4e5f6a1b2c3");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OrdersAndUsers {

        @Bean
        DataSource ordersDataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }

        @Bean
        DataSource usersDataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
    }

    @Test
    void jdbcConnectionDetailsWithoutADataSourceGiveMigrateItsConnection() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcConnectionDetails details = new JdbcConnectionDetails() {
            public String getUsername() {
                return "sa";
            }

            public String getPassword() {
                return "";
            }

            public String getJdbcUrl() {
                return url;
            }
        };
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(JdbcConnectionDetails.class, () -> details).withPropertyValues("migrate.locations=" + SEED)
                .run(context -> assertThat(new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""))
                        .queryForList("SELECT version_num FROM migrate_version", String.class))
                        .containsExactly("d4e5f6a1b2c3"));
    }

    @Test
    void anInitializerOfTheApplicationsOwnDoesNotUpgradeWhileACommandRuns() {
        runner.withPropertyValues("migrate.command=current").withBean(MigrateCommandExit.class, () -> status -> { })
                .withUserConfiguration(OwnInitializer.class)
                .run(context -> assertThat(context.getBean(Migrate.class).current()).isEmpty());
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnInitializer {

        @Bean
        MigrateInitializer ownInitializer(Migrate migrate) {
            return new MigrateInitializer(migrate, null, "heads");
        }
    }

    static final String REPORTS_URL = "jdbc:h2:mem:reports-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void anInstanceLoginWithADataSourceBeanIsACopyLoggingInAsIt() {
        new JdbcTemplate(new DriverManagerDataSource(REPORTS_URL, "sa", ""))
                .execute("CREATE USER deployer PASSWORD 'secret' ADMIN");
        runner.withUserConfiguration(ReportsDataSource.class)
                .withPropertyValues("migrate.instances.reports.data-source=reportsDataSource",
                        "migrate.instances.reports.user=deployer", "migrate.instances.reports.password=secret",
                        "migrate.instances.reports.locations=classpath:dev/migrate/autoconfigure/analytics")
                .run(context -> assertThat(context.getBean("reportsMigrate", Migrate.class).log())
                        .isNotEmpty().allMatch(record -> record.appliedBy().equalsIgnoreCase("deployer")));
    }

    @Configuration(proxyBeanMethods = false)
    static class ReportsDataSource {

        @Bean
        @Primary
        DataSource primaryDataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }

        @Bean
        DataSource reportsDataSource() {
            return new DriverManagerDataSource(REPORTS_URL, "sa", "");
        }
    }

    @Test
    void aMigrateUserGetsACopyOfThePrimaryDataSource() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        new JdbcTemplate(new DriverManagerDataSource(url, "sa", "")).execute("CREATE USER deployer PASSWORD 'secret' ADMIN");
        runner.withPropertyValues("spring.datasource.url=" + url, "migrate.user=deployer", "migrate.password=secret")
                .run(context -> assertThat(context.getBean(Migrate.class).log())
                        .allMatch(record -> record.appliedBy().equalsIgnoreCase("deployer")));
    }

    @Test
    void schemaNamesAndTheLockWaitComeFromProperties() {
        runner.withPropertyValues("migrate.schema=app", "migrate.version-table=schema_version",
                "migrate.history-table=schema_log", "migrate.lock-wait=5s", "migrate.validate-checksums=false",
                "migrate.transaction-per-revision=false")
                .run(context -> {
                    Migrate migrate = context.getBean(Migrate.class);
                    assertThat(migrate.settings().schema()).isEqualTo("app");
                    assertThat(migrate.settings().lockWait()).hasSeconds(5);
                    assertThat(migrate.settings().validateChecksums()).isFalse();
                    assertThat(migrate.settings().transactionPerRevision()).isFalse();
                    assertThat(context.getBean(JdbcTemplate.class).queryForList(
                            "SELECT version_num FROM app.schema_version", String.class)).containsExactly("d4e5f6a1b2c3");
                });
    }

    @Test
    void listenerAndCustomizerBeansAreApplied() {
        List<String> heard = new ArrayList<>();
        runner.withBean(MigrationListener.class, () -> new MigrationListener() {
            @Override
            public void stepStarted(StepEvent event) {
                heard.add(event.revisionId());
            }
        }).withBean(MigrateCustomizer.class, () -> builder -> builder.historyTable("custom_history"))
                .run(context -> {
                    assertThat(heard).hasSize(4);
                    assertThat(context.getBean(Migrate.class).settings().historyTable()).isEqualTo("custom_history");
                });
    }

    @Test
    void invalidPropertiesFailTheStartNamingTheProperty() {
        assertInvalid("migrate.target=a:b", "migrate.target");
        assertInvalid("migrate.locations=http://example.com/revisions", "migrate.locations");
        assertInvalid("migrate.locations=filesystem:/no/such/folder/revisions", "migrate.locations");
        assertInvalid("migrate.lock-wait=-5s", "migrate.lock-wait");
        assertInvalid("migrate.history-table=migrate_version", "migrate.history-table");
        assertInvalid("migrate.revisions.file-template={slug}", "migrate.revisions.file-template");
        assertInvalid("migrate.revisions.file-template=../../{rev}_{slug}", "migrate.revisions.file-template");
        assertInvalid("migrate.revisions.file-template=/tmp/{rev}", "migrate.revisions.file-template");
        runner.withPropertyValues("migrate.lock-wait=soon").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("migrate.lock-wait"));
    }

    @Test
    void aFormatterAskedForButMissingFailsACommandNamingTheProperty() {
        ApplicationContextRunner command = runner.withPropertyValues("migrate.command=heads")
                .withBean(MigrateCommandExit.class, () -> status -> { });
        command.withPropertyValues("migrate.revisions.java-formatter=google")
                .withClassLoader(new FilteredClassLoader("com.google.googlejavaformat"))
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .hasMessageContaining("Property migrate.revisions.java-formatter with value")
                        .hasMessageContaining("google-java-format is not on the classpath"));
        command.withPropertyValues("migrate.revisions.format=sql", "migrate.revisions.sql-formatter=sql-formatter")
                .withClassLoader(new FilteredClassLoader("com.github.vertical_blank"))
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("Property migrate.revisions.sql-formatter with value"));
        command.withClassLoader(new FilteredClassLoader("com.google.googlejavaformat"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(MigrateCommandRunner.class));
    }

    private void assertInvalid(String property, String name) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("Property " + name + " with value");
        });
    }

    @Test
    void hibernateIsToldThatMigrateManagesTheSchema() {
        runner.run(context -> {
            MigrateSchemaManagementProvider provider = context.getBean(MigrateSchemaManagementProvider.class);
            assertThat(provider.getSchemaManagement(context.getBean(DataSource.class))).isEqualTo(SchemaManagement.MANAGED);
            assertThat(provider.getSchemaManagement(new DriverManagerDataSource("jdbc:h2:mem:other")))
                    .isEqualTo(SchemaManagement.UNMANAGED);
        });
    }

    @Test
    void aFailingRevisionFailsTheStartWithAReadableReport() {
        runner.withPropertyValues("migrate.locations=classpath:failing/revisions").run(context -> {
            assertThat(context).hasFailed();
            MigrationFailedException failure = (MigrationFailedException) findCause(context.getStartupFailure(),
                    MigrationFailedException.class);
            assertThat(failure.revision()).isEqualTo("fa11ed000002");
            FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("Migrate could not bring the database to its target:\n\n"
                    + "Revision fa11ed000002 (breaks, failing/revisions/2.sql) failed during upgrade at operation 1 of 1 "
                    + "(failing/revisions/2.sql:5):\n    INSERT INTO nowhere VALUES (1)");
            assertThat(analysis.getAction()).isEqualTo("Fix revision fa11ed000002 (or the data it ran into) and start "
                    + "the application again. The revisions before it stay applied; the version table is at fa11ed000001.");
        });
    }

    @Test
    void anEditedRevisionsReportPointsToRepair() {
        ChecksumMismatchException edited = new ChecksumMismatchException("Applied revision(s) were edited after they "
                + "ran:\n  - c0ffee000001 (V1.sql): applied as d3cfde37, now a439d7d3", List.of("c0ffee000001"));
        FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(new IllegalStateException("start", edited));
        assertThat(analysis.getDescription()).endsWith("c0ffee000001 (V1.sql): applied as d3cfde37, now a439d7d3");
        assertThat(analysis.getAction()).isEqualTo("Undo the edit of the applied revision and put the change in a new "
                + "one, or, if the edit changes nothing in the database, record its new checksum: start once with "
                + "migrate.command=repair.");
    }

    @Test
    void aCommandRunsInsteadOfTheStartupUpgrade() {
        runner.withPropertyValues("migrate.command=upgrade +1").withBean(MigrateCommandExit.class, () -> status -> { })
                .run(context -> {
                    assertThat(context.getBean(Migrate.class).current()).as("the start-up upgrade stood aside")
                            .containsExactly("a1b2c3d4e5f6");
                    assertThat(context.getBean(MigrateCommandRunner.class).result().output())
                            .isEqualTo("Running upgrade -> a1b2c3d4e5f6, create users table\n"
                                    + "The database is at a1b2c3d4e5f6.");
                    assertThat(context.getBean(MigrateCommandRunner.class).getExitCode()).isZero();
                });
    }

    private static Throwable findCause(Throwable failure, Class<?> type) {
        Throwable cause = failure;
        while (cause != null && !type.isInstance(cause)) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Configuration(proxyBeanMethods = false)
    static class UserMigrate {

        @Bean
        Migrate migrate(DataSource dataSource) {
            return Migrate.builder().dataSource(dataSource).locations(SEED).versionTable("user_version").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {

        @Bean
        @Primary
        DataSource primaryDataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }

        @Bean
        @MigrateDataSource
        DataSource migrateDataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AnalyticsDataSource {

        @Bean
        @Primary
        DataSource primaryDataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }

        @Bean
        DataSource analyticsDataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
    }
}
