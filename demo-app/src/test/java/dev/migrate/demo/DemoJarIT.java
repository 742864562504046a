package dev.migrate.demo;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.script.GoogleJavaFormat;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged demo, started with {@code java -jar} on its H2 default and on PostgreSQL: it reaches the heads, its
 * endpoints work, {@code check} agrees with its entities, and the README's walkthrough commands do what it says.
 */
class DemoJarIT {

    static final String HEAD = "2c3d4e5f6a1b";

    static void assertServes(DemoJar.Server server) throws Exception {
        HttpResponse<String> migrate = server.get("/actuator/migrate");
        assertThat(migrate.statusCode()).isEqualTo(200);
        assertThat(migrate.body()).contains("\"current\":[\"" + HEAD + "\"]").contains("\"pending\":[]");
        assertThat(server.get("/actuator/health").body()).contains("\"migrate\":{\"details\":{\"current\":[\"" + HEAD
                + "\"],\"heads\":[\"" + HEAD + "\"]},\"status\":\"UP\"}");

        HttpResponse<String> created = server.post("/users",
                "{\"email\":\"grace@example.com\",\"password\":\"cobol\",\"fullName\":\"Grace Hopper\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String userId = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(server.get("/users/" + userId).body()).contains("\"normalizedEmail\":\"grace@example.com\"");
        HttpResponse<String> strategy = server.post("/strategies",
                "{\"userId\":\"" + userId + "\",\"name\":\"mean reversion\",\"definition\":{\"window\":5}}");
        assertThat(strategy.statusCode()).as(strategy.body()).isEqualTo(201);
        assertThat(strategy.body()).contains("\"status\":\"DRAFT\"").contains("\"window\":5");
        assertThat(server.get("/users").body()).contains("\"email\":\"Ada@Demo.Example\"")
                .contains("\"normalizedEmail\":\"ada@demo.example\"");
    }

    @Nested
    class OnItsH2Default {

        @TempDir
        Path work;

        @Test
        void startsAtTheHeadsServesAndAgreesWithItsEntities() throws Exception {
            DemoJar demo = new DemoJar(work, Map.of(), List.of());
            try (DemoJar.Server server = demo.start()) {
                assertServes(server);
            }
            assertThat(work.resolve("data/demo.mv.db")).exists();
            DemoJar.Result check = demo.command("check");
            assertThat(check.exitCode()).as(check.output()).isZero();
            assertThat(check.output()).isEqualTo("No new upgrade operations detected.");
        }

        @Test
        void theAutogenerateMessageGivenAsTheReadmeSaysArrivesWhole() throws Exception {
            Path empty = Files.createDirectories(work.resolve("no-revisions"));
            Path written = Files.createDirectories(work.resolve("written"));
            DemoJar demo = new DemoJar(work, Map.of("MIGRATE_AUTOGENERATE_MESSAGE", "initial schema"), List.of(
                    "--migrate.locations=filesystem:" + empty, "--migrate.revisions.format=sql",
                    "--migrate.revisions.directory=" + written));
            DemoJar.Result result = demo.run("--spring.profiles.active=autogenerate");
            assertThat(result.exitCode()).as(result.output()).isZero();
            try (var files = Files.list(written)) {
                Path file = files.findFirst().orElseThrow();
                assertThat(file.getFileName().toString()).endsWith("_initial_schema.sql");
                assertThat(Files.readString(file)).contains("-- message: initial schema\n");
            }
        }

        @Test
        void aJavaRevisionWrittenByTheJarIsLaidOutByGoogleJavaFormat() throws Exception {
            Path plainFolder = Files.createDirectories(work.resolve("plain"));
            Path formattedFolder = Files.createDirectories(work.resolve("formatted"));
            String command = "--migrate.command=revision -m \"add notes\" --rev-id 0123456789ab";
            DemoJar.Result plain = new DemoJar(work, Map.of(), List.of("--migrate.revisions.directory=" + plainFolder,
                    "--migrate.revisions.java-formatter=none")).run(command);
            DemoJar.Result formatted = new DemoJar(work, Map.of(), List.of("--migrate.revisions.directory="
                    + formattedFolder)).run(command);
            assertThat(plain.exitCode()).as(plain.output()).isZero();
            assertThat(formatted.exitCode()).as(formatted.output()).isZero();

            Path file = only(formattedFolder);
            String text = Files.readString(file);
            assertThat(text).contains("@RevisionInfo(").isNotEqualTo(Files.readString(only(plainFolder)));
            Path again = Files.copy(file, work.resolve("again.java"));
            new GoogleJavaFormat(GoogleJavaFormat.Style.AOSP,
                    Duration.ofMinutes(2)).run(again);
            assertThat(Files.readString(again)).as("google-java-format's AOSP layout").isEqualTo(text);
        }

        private static Path only(Path folder) throws Exception {
            try (var files = Files.walk(folder)) {
                return files.filter(path -> path.toString().endsWith(".java")).findFirst().orElseThrow();
            }
        }

        /** The README's Kubernetes pattern: a job upgrades, the application pods only check. */
        @Test
        void aJobUpgradesAndTheApplicationThatOnlyValidatesStartsOnlyThen() throws Exception {
            DemoJar pod = new DemoJar(work, Map.of(), List.of("--migrate.on-start=validate"));
            DemoJar.Result refused = pod.run("--server.port=0");
            assertThat(refused.exitCode()).as(refused.output()).isNotZero();
            assertThat(refused.output()).contains("The database is not at its target 'heads': 9 revision(s) pending");
            DemoJar.Result job = new DemoJar(work, Map.of(), List.of()).command("upgrade heads");
            assertThat(job.exitCode()).as(job.output()).isZero();
            try (DemoJar.Server server = pod.start()) {
                assertServes(server);
            }
        }

        @Test
        void theWalkthroughCommandsDoWhatTheReadmeSays() throws Exception {
            DemoJar demo = new DemoJar(work, Map.of(), List.of());
            DemoJar.Result upgrade = demo.command("upgrade");
            assertThat(upgrade.output()).contains("Running upgrade c3d4e5f6a1b2 -> d4e5f6a1b2c3, create credits")
                    .endsWith("The database is at " + HEAD + ".");

            assertThat(demo.command("current").output()).isEqualTo(HEAD + " (head)");
            assertThat(demo.command("heads").output()).isEqualTo(HEAD + " (analytics, billing) (head)");
            assertThat(demo.command("history -i").output()).startsWith("1b2c3d4e5f6a -> " + HEAD
                    + " (analytics, billing) (head) (current), backfill normalized_email in batches")
                    .contains("d4e5f6a1b2c3, e5f6a1b2c3d4 -> f6a1b2c3d4e5 (analytics, billing) (mergepoint), merge billing "
                            + "and analytics")
                    .endsWith("<base> -> a1b2c3d4e5f6, create users table");

            DemoJar.Result down = demo.command("downgrade -1");
            assertThat(down.exitCode()).isZero();
            assertThat(down.output()).isEqualTo("Running downgrade " + HEAD + " -> 1b2c3d4e5f6a, backfill normalized_email "
                    + "in batches\nThe database is at 1b2c3d4e5f6a.");
            assertThat(demo.command("upgrade head").output()).endsWith("The database is at " + HEAD + ".");

            DemoJar.Result branch = demo.command("downgrade analytics@c3d4e5f6a1b2");
            assertThat(branch.output()).contains("Running downgrade e5f6a1b2c3d4 -> c3d4e5f6a1b2, create strategy events")
                    .endsWith("The database is at d4e5f6a1b2c3.");
            assertThat(demo.command("upgrade heads").output()).endsWith("The database is at " + HEAD + ".");

            DemoJar.Result sql = demo.command("upgrade base:heads --sql");
            assertThat(sql.exitCode()).isZero();
            assertThat(sql.output()).contains("CREATE TABLE users (").contains("-- Batched online in batches of 2000 rows")
                    .contains("INSERT INTO migrate_version (version_num) VALUES ('a1b2c3d4e5f6');");

            DemoJar.Result unknown = demo.command("downgrade nosuch");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.output()).contains("FAILED: Can't locate revision identified by 'nosuch': no revision id, unique id prefix or branch label is 'nosuch'.");
        }
    }

    /** The jar's Spring AOT output in use: the beans were settled at build time, the command at run time. */
    @Nested
    class UnderSpringAot {

        @TempDir
        Path work;

        @Test
        void aCommandRunsInsteadOfTheUpgradeAndTheApplicationStillUpgradesAndServes() throws Exception {
            DemoJar demo = new DemoJar(work, Map.of(), List.of(), List.of("-Dspring.aot.enabled=true"));
            DemoJar.Result current = demo.command("current -v");
            assertThat(current.exitCode()).as(current.output()).isZero();
            assertThat(current.output()).doesNotContain("Running upgrade").doesNotContain(HEAD);
            DemoJar.Result upgrade = demo.command("upgrade +1");
            assertThat(upgrade.output()).isEqualTo("Running upgrade -> a1b2c3d4e5f6, create users table\n"
                    + "The database is at a1b2c3d4e5f6.");
            try (DemoJar.Server server = demo.start()) {
                assertServes(server);
            }
            assertThat(demo.command("current").output()).isEqualTo(HEAD + " (head)");
        }
    }

    @Nested
    class OnPostgres {

        @RegisterExtension
        static final TestDatabase db = TestDatabase.postgres();

        @TempDir
        Path work;

        @Test
        void startsAtTheHeadsServesAndAgreesWithItsEntities() throws Exception {
            DemoJar demo = new DemoJar(work, Map.of("DEMO_POSTGRES_URL", db.jdbcUrl(), "DEMO_POSTGRES_USER", db.user(),
                    "DEMO_POSTGRES_PASSWORD", db.password()), List.of("--spring.profiles.active=postgres"));
            try (DemoJar.Server server = demo.start()) {
                assertServes(server);
            }
            assertThat(db.queryForStrings("SELECT count(*) FROM users WHERE normalized_email = lower(email)"))
                    .containsExactly("10001");
            DemoJar.Result check = demo.command("check");
            assertThat(check.exitCode()).as(check.output()).isZero();
        }
    }
}
