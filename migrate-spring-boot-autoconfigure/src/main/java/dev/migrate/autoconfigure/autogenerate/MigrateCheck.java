package dev.migrate.autoconfigure.autogenerate;

import java.util.List;

import org.springframework.context.ApplicationContext;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.MigrateEntityModel;
import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.Change;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateProperties;
import dev.migrate.autogenerate.ObjectFilter;

/**
 * For an application's own test suite: asserts that its entities and its revisions agree, the way
 * {@code check} does.
 *
 * <pre>{@code
 * @SpringBootTest
 * class SchemaTests {
 *     @Test
 *     void entitiesMatchRevisions(@Autowired ApplicationContext context) {
 *         MigrateCheck.assertEntitiesMatchRevisions(context);
 *     }
 * }
 * }</pre>
 */
public final class MigrateCheck {

    private MigrateCheck() {
    }

    /**
     * @throws AssertionError listing the differences, when the revisions (applied on start-up) do not build the schema
     *     the entities want
     */
    public static void assertEntitiesMatchRevisions(ApplicationContext context) {
        Migrate migrate = context.getBean(Migrate.class);
        MigrateEntityModel model = context.getBean(MigrateEntityModel.class);
        List<Change> changes = MigrateAutoConfiguration.autogenerator(migrate, context.getBean(MigrateProperties.class),
                model, context.getBeanProvider(ObjectFilter.class).orderedStream().toList()).compare();
        if (!changes.isEmpty()) {
            throw new AssertionError("The entities and the revisions disagree; write a revision with "
                    + "'revision --autogenerate -m <message>':\n" + Autogenerator.describe(changes));
        }
    }
}
