package dev.migrate.autoconfigure.autogen;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.Migrate;
import dev.migrate.autoconfigure.autogen.struct.Shipments;
import dev.migrate.autogenerate.Change;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mapping whose DDL makes what autogenerate does not write (a {@code @Struct} embeddable's composite type): the
 * change is named with what to add by hand, before the table that needs it, instead of a revision that fails.
 */
class UnwrittenObjectsTests {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path work;

    @Test
    void aStructEmbeddablesCompositeTypeIsNamedForTheRevisionToCreate() throws Exception {
        db.reset();
        ModelRoundTrip trip = new ModelRoundTrip(Shipments.class.getPackageName(), db, work);
        Migrate migrate = Migrate.builder().dataSource(db.dataSource()).scripts(ScriptDirectory.of(List.of())).build();
        List<Change> changes = trip.compare(db, migrate);
        assertThat(changes).extracting(Change::description)
                .startsWith("add composite type postal_address (not written by autogenerate)")
                .contains("add table shipment");
        assertThat(changes.get(0).hint()).contains("create composite type postal_address here by hand");
    }
}
