package dev.migrate.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.dialect.PostgresDialect;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** What the catalog reader sees of a PostgreSQL schema. */
class PostgresSchemaReaderTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    @Test
    void aUniqueIndexThatAForeignKeyReferencesIsStillTheTablesIndex() throws SQLException {
        db.reset();
        db.execute("CREATE TABLE owners (id bigint PRIMARY KEY, code text)",
                "CREATE UNIQUE INDEX owners_code_key ON owners (code)",
                "CREATE TABLE accounts (id bigint PRIMARY KEY, owner_code text "
                        + "CONSTRAINT accounts_owner_code_fk REFERENCES owners (code))");
        Schema schema;
        try (Connection connection = db.connect()) {
            schema = SchemaReader.of(new PostgresDialect()).read(connection, null, Set.of());
        }
        Schema.Table owners = schema.tables().stream().filter(t -> t.name().equals("owners")).findFirst().orElseThrow();
        // The foreign key's constraint row names the index it relies on (conindid): it is still owners' own index.
        assertThat(owners.indexes()).extracting(Schema.Index::name).containsExactly("owners_code_key");
        Schema.Table accounts = schema.tables().stream().filter(t -> t.name().equals("accounts")).findFirst()
                .orElseThrow();
        assertThat(accounts.foreignKeys()).extracting(Schema.ForeignKey::name).containsExactly("accounts_owner_code_fk");
    }

    @Test
    void aCoveringIndexIsLeftAloneAndTheOthersAreRead() throws SQLException {
        db.reset();
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer bigint, placed date, total numeric)",
                "CREATE INDEX orders_customer_covering ON orders (customer DESC) INCLUDE (placed, total)",
                "CREATE INDEX orders_placed_idx ON orders (placed)");
        Schema schema;
        try (Connection connection = db.connect()) {
            schema = SchemaReader.of(new PostgresDialect()).read(connection, null, Set.of());
        }
        // No entity model describes INCLUDE columns, as none describes an expression or a partial index.
        assertThat(schema.tables().get(0).indexes()).extracting(Schema.Index::name).containsExactly("orders_placed_idx");
    }
}
