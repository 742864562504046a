package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.migrate.runtime.RunSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The properties' defaults are the core's, so that a Spring application and a plain one behave alike. */
class MigratePropertiesTests {

    @Test
    void defaultsAreTheCoreDefaults() {
        MigrateProperties properties = new MigrateProperties();
        RunSettings core = RunSettings.defaults();

        assertThat(properties.getVersionTable()).isEqualTo(core.versionTable());
        assertThat(properties.getHistoryTable()).isEqualTo(core.historyTable());
        assertThat(properties.getLockWait()).isEqualTo(core.lockWait());
        assertThat(properties.isValidateChecksums()).isEqualTo(core.validateChecksums());
        assertThat(properties.isTransactionPerRevision()).isEqualTo(core.transactionPerRevision()).isTrue();
        assertThat(properties.getSchema()).isEqualTo(core.schema());
    }
}
