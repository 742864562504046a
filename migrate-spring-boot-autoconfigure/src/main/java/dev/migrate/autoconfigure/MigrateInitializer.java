package dev.migrate.autoconfigure;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

import dev.migrate.Migrate;

/**
 * Brings the database to the target while the application starts, before anything that uses the database is
 * created (the {@link MigrateDatabaseInitializerDetector}s make JPA and JDBC beans wait for this bean).
 */
public class MigrateInitializer implements InitializingBean, Ordered {

    private final Migrate migrate;

    private final MigrateStrategy strategy;

    private final String target;

    private int order;

    /**
     * @param strategy what to do instead of upgrading to {@code target}, or {@code null}
     */
    public MigrateInitializer(Migrate migrate, MigrateStrategy strategy, String target) {
        this.migrate = migrate;
        this.strategy = strategy;
        this.target = target;
    }

    @Override
    public void afterPropertiesSet() {
        if (strategy != null) {
            strategy.migrate(migrate);
        }
        else {
            migrate.upgrade(target);
        }
    }

    @Override
    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }
}
