package dev.migrate.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.InputStreamSource;

import dev.migrate.seed.java.R20250129_1234_a1b2c3d4e5f6_create_users;

import static org.assertj.core.api.Assertions.assertThat;

/** What the AOT build contributes for a native image: each location's index, its SQL files, its revision classes. */
class MigrateRevisionsAotProcessorTests {

    @Test
    void everyConfiguredLocationIsIndexedAndItsRevisionsRegistered() throws Exception {
        TestGenerationContext generation = new TestGenerationContext();
        contribution(Map.of("migrate.locations", "classpath:dev/migrate/seed/java",
                "migrate.instances.reports.url", "jdbc:h2:mem:reports",
                "migrate.instances.reports.locations", "classpath:seed/sql")).applyTo(generation, null);
        RuntimeHints hints = generation.getRuntimeHints();
        assertThat(RuntimeHintsPredicates.reflection().onType(R20250129_1234_a1b2c3d4e5f6_create_users.class)
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("seed/sql/20250129_1234_a1b2c3d4e5f6_create_users.sql"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("seed/sql/migrate-revisions.idx")).accepts(hints);
        assertThat(content(generation, "seed/sql/migrate-revisions.idx"))
                .startsWith("20250129_1234_a1b2c3d4e5f6_create_users.sql\n").hasLineCount(4);
        assertThat(content(generation, "dev/migrate/seed/java/migrate-revisions.idx"))
                .contains("R20250129_1234_a1b2c3d4e5f6_create_users.class\n").hasLineCount(4);
    }

    @Test
    void nothingIsContributedWithoutMigrate() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.registerSingleton("environment", new StandardEnvironment());
        assertThat(new MigrateRevisionsAotProcessor().processAheadOfTime(beanFactory)).isNull();
    }

    @Test
    void theDefaultLocationIsRegisteredAsFlywaysIsByBoot() {
        RuntimeHints hints = new RuntimeHints();
        new MigrateRuntimeHints().registerHints(hints, getClass().getClassLoader());
        assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/20250101_0000_aa_first.sql"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/migrate-revisions.idx")).accepts(hints);
    }

    static BeanFactoryInitializationAotContribution contribution(Map<String, Object> properties) {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        beanFactory.registerSingleton("environment", environment);
        beanFactory.registerBeanDefinition("migrateInstances", new RootBeanDefinition(Object.class));
        return new MigrateRevisionsAotProcessor().processAheadOfTime(beanFactory);
    }

    static String content(TestGenerationContext generation, String path) throws Exception {
        InputStreamSource file = generation.getGeneratedFiles().getGeneratedFile(Kind.RESOURCE, path);
        assertThat(file).as(path).isNotNull();
        return new String(file.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
