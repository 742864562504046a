package dev.migrate.autoconfigure.autogen;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrate.Migrate;
import dev.migrate.autogenerate.Change;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.SimpleDataSource;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database users with fewer privileges: one who may not create a schema (PUBLIC's default) still has Hibernate's
 * own DDL compared, built among its temporary tables; one who may create neither is told so, and Hibernate's mapping
 * model translated field by field is compared instead.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScratchUnavailableTests {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path work;

    @Test
    void aUserWhoMayNotCreateSchemasComparesHibernatesOwnDdlInTheTemporarySchema(CapturedOutput output)
            throws Exception {
        // PUBLIC's privileges only: connect and temporary tables, no schemas.
        List<Change> changes = compareAsNewRole();
        assertThat(changes).extracting(Change::description).contains("add table customer", "add table purchase");
        assertThat(output.getOut()).doesNotContain("translated field by field");
    }

    @Test
    void withoutCreateOrTemporaryOnTheDatabaseTheTranslationIsComparedAndTheLogSaysWhy(CapturedOutput output)
            throws Exception {
        db.execute("REVOKE CREATE, TEMPORARY ON DATABASE " + db.name() + " FROM PUBLIC");
        try {
            List<Change> changes = compareAsNewRole();
            assertThat(changes).extracting(Change::description).contains("add table customer", "add table purchase");
            assertThat(output.getOut()).contains("Autogenerate cannot build the model in a scratch schema here: not "
                    + "among temporary tables (the user may not create temporary tables in this database), nor in a "
                    + "schema of its own (ERROR: permission denied for database " + db.name() + ")")
                    .contains("comparing Hibernate's mapping model translated field by field instead");
        }
        finally {
            db.execute("GRANT TEMPORARY ON DATABASE " + db.name() + " TO PUBLIC");
        }
    }

    @Test
    void aReadOnlySessionComparesTheTranslationWithTheLiveSchemaChecksIncluded(CapturedOutput output) throws Exception {
        db.execute("CREATE TABLE legacy (id bigint PRIMARY KEY, tier text CONSTRAINT legacy_tier CHECK (tier IN ('A', "
                + "'B')))", "GRANT USAGE ON SCHEMA public TO PUBLIC", "GRANT SELECT ON legacy TO PUBLIC");
        try {
            List<Change> changes = compareAsNewRole("SET default_transaction_read_only = on");
            assertThat(changes).extracting(Change::description).contains("add table customer", "remove table legacy");
            assertThat(output.getOut()).contains("not among temporary tables (the session is read-only)")
                    .contains("comparing Hibernate's mapping model translated field by field instead");
        }
        finally {
            db.execute("DROP TABLE legacy");
        }
    }

    @Test
    void aModelWhoseNamesHibernateQualifiesWithADefaultSchemaIsComparedAsTheTranslation(CapturedOutput output)
            throws Exception {
        // Qualified DDL would build in the live schema, not the scratch one, and the scratch read would find nothing.
        ModelRoundTrip trip = new ModelRoundTrip(ModelEditsTests.EDITS + "base", db, work);
        Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of())).build();
        List<Change> changes = trip.compare(db, migrate, "spring.jpa.properties.hibernate.default_schema=public");
        assertThat(changes).extracting(Change::description).contains("add table customer", "add table purchase");
        assertThat(output.getOut()).contains("The entity model names the schema or catalog public "
                + "(hibernate.default_schema)");
    }

    /** Autogenerate of the edit model's base as a new login role, with the role's own settings. */
    private List<Change> compareAsNewRole(String... roleSettings) throws Exception {
        String role = "mt_noscratch_" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("CREATE ROLE " + role + " LOGIN");
        for (String setting : roleSettings) {
            db.execute("ALTER ROLE " + role + " " + setting);
        }
        try {
            TestDatabase limited = new TestDatabase.As(db, role);
            ModelRoundTrip trip = new ModelRoundTrip(ModelEditsTests.EDITS + "base", limited, work);
            Migrate migrate = Migrate.builder().dataSource(SimpleDataSource.of(db.jdbcUrl(), role, ""))
                    .scripts(ScriptDirectory.of(List.of())).build();
            return trip.compare(limited, migrate);
        }
        finally {
            db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }
}
