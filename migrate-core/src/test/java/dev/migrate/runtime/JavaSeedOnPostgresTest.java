package dev.migrate.runtime;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.testing.TestDatabase;

class JavaSeedOnPostgresTest extends SeedRevisionsContract {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @Override
    TestDatabase db() {
        return db;
    }

    @Override
    String location() {
        return "classpath:dev/migrate/seed/java";
    }
}
