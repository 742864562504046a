package dev.migrate.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.dialect.PostgresDialect;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Check conditions brought to the text PostgreSQL settles on, and what happens where no copy can be made. */
class CheckConditionsTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @BeforeEach
    void tableWithACheck() throws SQLException {
        db.reset();
        db.execute("CREATE TABLE slot (id bigint PRIMARY KEY, tier varchar(1),"
                + " CONSTRAINT slot_tier_check CHECK (tier IN ('A', 'B')))");
    }

    @Test
    void aConditionIsGivenBackUntilItsTextStopsChanging() throws Exception {
        try (Connection connection = db.connect()) {
            Schema read = SchemaReader.of(new PostgresDialect()).read(connection, null, Set.of());
            Schema settled = CheckConditions.settle(connection, new PostgresDialect(), null, read);
            String once = condition(read);
            String fixed = condition(settled);
            // Stored once, the condition still changes when given back (the casts move); settled, it comes back the same.
            assertThat(fixed).isNotEqualTo(once);
            db.execute("DROP TABLE slot", "CREATE TABLE slot (tier varchar(1), CONSTRAINT again CHECK (" + fixed + "))");
            Schema again = SchemaReader.of(new PostgresDialect()).read(connection, null, Set.of());
            assertThat(condition(CheckConditions.settle(connection, new PostgresDialect(), null, again)))
                    .isEqualTo(fixed);
            assertThat(connection.getAutoCommit()).isTrue();
        }
        assertThat(db.queryForStrings("SELECT relname FROM pg_class WHERE relname LIKE 'migrate%'")).isEmpty();
    }

    @Test
    void aReadOnlySessionComparesConditionsAsTheyWereRead() throws Exception {
        try (Connection connection = db.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET default_transaction_read_only = on");
            }
            Schema read = SchemaReader.of(new PostgresDialect()).read(connection, null, Set.of());
            Schema settled = CheckConditions.settle(connection, new PostgresDialect(), null, read);
            assertThat(settled).isEqualTo(read);
        }
    }

    private static String condition(Schema schema) {
        return schema.tables().stream().filter(t -> t.name().equals("slot")).findFirst().orElseThrow().checks().get(0)
                .condition();
    }
}
