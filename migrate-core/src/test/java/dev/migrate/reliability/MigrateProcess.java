package dev.migrate.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.migrate.Migrate;
import dev.migrate.runtime.MigrationListener;
import dev.migrate.runtime.RunResult;
import dev.migrate.runtime.StepEvent;
import dev.migrate.testing.SimpleDataSource;

/**
 * One migrating process, as one application instance would be: {@code url user password scenario goFile
 * [haltAfterRows]}. It says
 * "ready", waits until the go file exists (so that all processes start at the same moment), upgrades to the heads,
 * prints the rows it ended at and exits 0, or prints the error and exits 1.
 */
public final class MigrateProcess {

    /** The exit status of a process that halted where it was told to. */
    static final int HALTED = 3;

    private MigrateProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        Migrate.Builder builder = Migrate.builder().dataSource(SimpleDataSource.of(url, user, password))
                .scripts(Scenarios.named(args[3])).lockWait(Duration.ofMinutes(2));
        if (args.length > 5) {
            // Dies at an exact point of the run, as a kill at that moment would: right after a batch with this many
            // rows done was committed.
            long rows = Long.parseLong(args[5]);
            builder.listener(new MigrationListener() {
                @Override
                public void batchCommitted(StepEvent event, String name, long rowsDone, double rowsPerSecond) {
                    if (rowsDone >= rows) {
                        Runtime.getRuntime().halt(HALTED);
                    }
                }
            });
        }
        Migrate migrate = builder.build();
        System.out.println("ready");
        System.out.flush();
        Path go = Path.of(args[4]);
        while (!Files.exists(go)) {
            Thread.sleep(5);
        }
        try {
            RunResult result = migrate.upgrade("heads");
            System.out.println("rows " + String.join(",", result.rowsAfter()) + " applied " + result.plan().steps().size());
            System.exit(0);
        }
        catch (RuntimeException ex) {
            System.out.println("error " + ex.getMessage());
            System.exit(1);
        }
    }
}
