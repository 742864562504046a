package dev.migrate.runtime;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.testing.TestDatabase;

class JavaSeedOnH2Test extends SeedRevisionsContract {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }

    @Override
    String location() {
        return "classpath:dev/migrate/seed/java";
    }
}
