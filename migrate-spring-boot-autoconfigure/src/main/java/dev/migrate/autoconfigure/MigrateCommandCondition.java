package dev.migrate.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Whether {@code migrate.command} is set: the application then runs the command instead of upgrading. */
abstract class MigrateCommandCondition extends SpringBootCondition {

    private final boolean wanted;

    MigrateCommandCondition(boolean wanted) {
        this.wanted = wanted;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean present = StringUtils.hasText(context.getEnvironment().getProperty("migrate.command"));
        return present == wanted ? ConditionOutcome.match("migrate.command is " + (present ? "set" : "not set"))
                : ConditionOutcome.noMatch("migrate.command is " + (present ? "set" : "not set"));
    }

    static final class Present extends MigrateCommandCondition {

        Present() {
            super(true);
        }
    }

    static final class Absent extends MigrateCommandCondition {

        Absent() {
            super(false);
        }
    }
}
