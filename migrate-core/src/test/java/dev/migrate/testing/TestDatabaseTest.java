package dev.migrate.testing;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test class gets its own empty database on each kind of server. */
class TestDatabaseTest {

    @Nested
    class OnPostgres {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.postgres();

        @Test
        void isAFreshEmptyDatabaseOfItsOwn() throws Exception {
            assertThat(db.queryForStrings("SELECT current_database()")).containsExactly(db.name());
            assertThat(db.queryForStrings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                    .isEmpty();
            db.execute("CREATE TABLE probe (id int)");
            assertThat(db.queryForStrings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                    .isEqualTo(List.of("probe"));
        }
    }

    @Nested
    class OnH2 {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.h2();

        @Test
        void isAFreshEmptyDatabaseOfItsOwn() throws Exception {
            assertThat(db.queryForStrings(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")).isEmpty();
            db.execute("CREATE TABLE probe (id int)");
            assertThat(db.queryForStrings(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")).containsExactly("PROBE");
        }
    }
}
