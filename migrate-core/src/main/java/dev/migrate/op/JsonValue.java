package dev.migrate.op;

import java.util.Objects;

/**
 * A JSON document given as text, for {@code bulkInsert} and {@code execute} parameters bound to JSON columns.
 *
 * @param json the document's text
 */
public record JsonValue(String json) {

    public JsonValue {
        Objects.requireNonNull(json, "json");
    }
}
