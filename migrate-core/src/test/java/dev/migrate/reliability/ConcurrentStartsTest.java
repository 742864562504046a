package dev.migrate.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.reliability.Processes.Child;
import dev.migrate.testing.Catalog;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight application instances, each its own JVM, start at the same moment against one database with 100 pending
 * revisions: each revision is applied exactly once and every instance ends at the heads.
 */
class ConcurrentStartsTest {

    static final int PROCESSES = 8;

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @RepeatedTest(3)
    void eightProcessesApplyEachRevisionExactlyOnce() throws Exception {
        db.reset();
        Path go = Processes.goFile();
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            children.add(Processes.start(db, "chain100", go));
        }
        Processes.awaitReady(children, 120);
        Files.createFile(go);

        int applied = 0;
        for (Child child : children) {
            assertThat(child.process().waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(child.process().exitValue()).as(String.join("\n", child.lines())).isZero();
            assertThat(child.last()).startsWith("rows r100 applied ");
            applied += Integer.parseInt(child.last().substring(child.last().lastIndexOf(' ') + 1));
        }
        assertThat(applied).isEqualTo(100);
        assertThat(db.queryForStrings("SELECT count(*) FROM migrate_history WHERE direction = 'upgrade' AND success"))
                .containsExactly("100");
        assertThat(db.queryForStrings("SELECT count(DISTINCT revision) FROM migrate_history")).containsExactly("100");
        assertThat(db.queryForStrings("SELECT version_num FROM migrate_version")).containsExactly("r100");
        assertThat(new Catalog(db).tables()).hasSize(102);
    }

    @Test
    void concurrentlyInANonTransactionalRevisionDoesNotDeadlockWithAWaitingProcess() throws Exception {
        db.reset();
        Path go = Processes.goFile();
        List<Child> children = List.of(Processes.start(db, "cic", go), Processes.start(db, "cic", go),
                Processes.start(db, "cic", go));
        Processes.awaitReady(children, 60);
        Files.createFile(go);
        for (Child child : children) {
            assertThat(child.process().waitFor(120, TimeUnit.SECONDS)).as("finished without deadlock").isTrue();
            assertThat(child.process().exitValue()).as(String.join("\n", child.lines())).isZero();
            assertThat(child.last()).startsWith("rows c003");
        }
        assertThat(new Catalog(db).indexes("big")).containsEntry("ix_big_name", "(name)");
        assertThat(db.queryForStrings("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_big_name'::regclass"))
                .containsExactly("t");
    }
}
