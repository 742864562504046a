package dev.migrate.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;


/**
 * Tells Spring Boot which beans initialise the database, so that {@code EntityManagerFactory}, {@code JdbcTemplate},
 * {@code JdbcClient} and beans marked {@code @DependsOnDatabaseInitialization} are created after them.
 */
class MigrateDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MigrateInitializer.class, MigrateCommandRunner.class);
    }

    @Override
    public int getOrder() {
        return 1;
    }

}
