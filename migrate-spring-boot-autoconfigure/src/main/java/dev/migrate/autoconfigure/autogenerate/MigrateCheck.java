package dev.migrate.autoconfigure.autogenerate;

import java.util.List;

import org.springframework.context.ApplicationContext;

import dev.migrate.command.CommandResult;
import dev.migrate.command.Commands;

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
        CommandResult result = context.getBean(Commands.class).run(List.of("check"));
        if (result.exitCode() != CommandResult.OK) {
            throw new AssertionError(result.output());
        }
    }
}
