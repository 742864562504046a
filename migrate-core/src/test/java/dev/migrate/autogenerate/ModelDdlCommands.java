package dev.migrate.autogenerate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import dev.migrate.Migrate;
import dev.migrate.command.Commands;
import dev.migrate.schema.ScratchSchema;
import dev.migrate.script.Location;
import dev.migrate.script.RevisionWriter;
import dev.migrate.testing.TestDatabase;

/**
 * The commands of an application whose entity model is given as its DDL (built in a scratch schema, as Hibernate's
 * is), with SQL revisions written to and read from one folder.
 */
final class ModelDdlCommands {

    private ModelDdlCommands() {
    }

    static Commands of(TestDatabase db, Path folder, List<String> modelDdl, boolean safeForms) {
        Migrate migrate = Migrate.builder().dataSource(db.dataSource()).locations("filesystem:" + folder).build();
        TargetSchema model = (live, dialect) -> {
            try {
                return ScratchSchema.build(live, dialect, modelDdl);
            }
            catch (ScratchSchema.Unavailable ex) {
                throw new IllegalStateException(ex);
            }
        };
        RevisionWriter writer = new RevisionWriter(new RevisionWriter.Settings(RevisionWriter.Format.SQL, folder,
                "db.revisions", RevisionWriter.DEFAULT_TEMPLATE, Location.parse("filesystem:" + folder)),
                Clock.systemUTC());
        return new Commands(migrate, writer, new Autogenerator(migrate, model, SchemaComparison.all(), safeForms));
    }

    /** The text of the revision file whose name ends so. */
    static String read(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return Files.readString(files.filter(file -> file.toString().endsWith(suffix)).findFirst().orElseThrow());
        }
    }
}
