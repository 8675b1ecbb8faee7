package ai.runloop.model.internal.json;

import jakarta.json.stream.JsonParser;

/**
 * Reads one JSON value, whose first event the caller has already taken from the parser, into a model
 * type. Generated readers throw {@link JsonReading.Mismatch} for a shape they leave to JSON-B, and
 * JSON-P's exceptions for malformed text.
 *
 * @param <T> the type read
 */
@FunctionalInterface
public interface ValueReader<T> {
    /**
     * @param parser the parser, positioned at the value
     * @param event  the value's first event ({@code START_OBJECT}, {@code VALUE_NULL}, ...)
     * @return the value; null for JSON null
     */
    T read(JsonParser parser, JsonParser.Event event);
}
