package dev.migrate.autoconfigure.autogen.corpus;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Enums stored by name, by ordinal, and through a converter. */
final class Enums {

    private Enums() {
    }

    enum Status {
        ACTIVE, SUSPENDED, CLOSED
    }

    @Converter
    static class StatusCode implements AttributeConverter<Status, String> {
        @Override
        public String convertToDatabaseColumn(Status status) {
            return status == null ? null : status.name().substring(0, 1);
        }

        @Override
        public Status convertToEntityAttribute(String code) {
            return code == null ? null : java.util.Arrays.stream(Status.values())
                    .filter(status -> status.name().startsWith(code)).findFirst().orElseThrow();
        }
    }

    @Entity(name = "EnumHolder")
    static class EnumHolder {
        @Id
        @GeneratedValue
        Long id;

        @Enumerated(EnumType.STRING)
        Status byName;

        @Enumerated(EnumType.ORDINAL)
        Status byOrdinal;

        @Convert(converter = StatusCode.class)
        Status byCode;
    }
}
