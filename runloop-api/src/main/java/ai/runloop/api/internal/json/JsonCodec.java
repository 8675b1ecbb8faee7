package ai.runloop.api.internal.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON setup of the SDK: a shared, thread-safe JSON-B (Yasson) instance for records and a JSON-P
 * (Parsson) provider for trees and streaming. Both are created once, on first use, because building a
 * Jsonb costs tens of milliseconds.
 */
public final class JsonCodec {
    private static final JsonCodec INSTANCE = new JsonCodec();

    private final JsonProvider json = JsonProvider.provider();
    private final Jsonb jsonb = JsonbBuilder.newBuilder()
            .withConfig(new JsonbConfig().withEncoding(StandardCharsets.UTF_8.name()))
            .withProvider(json)
            .build();

    private JsonCodec() {
    }

    /** @return the shared codec */
    public static JsonCodec get() {
        return INSTANCE;
    }

    /**
     * @param value a model record (or any JSON-B mappable value)
     * @return its JSON text
     */
    public String toJson(Object value) {
        return jsonb.toJson(value);
    }

    /**
     * @param value a model record
     * @return its JSON as UTF-8 bytes
     */
    public byte[] toBytes(Object value) {
        return toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param json JSON text
     * @param type the type to read
     * @param <T>  the type
     * @return the value
     * @throws jakarta.json.bind.JsonbException when the JSON is malformed or does not fit the type
     */
    public <T> T fromJson(String json, Class<T> type) {
        return jsonb.fromJson(json, type);
    }

    /**
     * @param json UTF-8 JSON bytes
     * @param type the type to read, possibly generic
     * @param <T>  the type
     * @return the value
     * @throws jakarta.json.bind.JsonbException when the JSON is malformed or does not fit the type
     */
    public <T> T fromJson(byte[] json, Type type) {
        // Through a String, not an InputStream: for a stream Parsson wraps an InputStreamReader whose
        // decoder allocates an 8 KiB buffer per call, a third of all the bytes one retrieve() allocated
        // (measured with JFR allocation samples); a String goes to a pooled char buffer.
        int bom = json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB && (json[2] & 0xFF) == 0xBF ? 3 : 0;
        return jsonb.fromJson(new String(json, bom, json.length - bom, StandardCharsets.UTF_8), type);
    }

    /**
     * @param json UTF-8 JSON stream; not closed
     * @param type the type to read
     * @param <T>  the type
     * @return the value
     */
    public <T> T fromJson(InputStream json, Type type) {
        return jsonb.fromJson(json, type);
    }

    /**
     * @param json JSON text of an object
     * @return the object tree
     * @throws jakarta.json.JsonException when the text is not a JSON object
     */
    public JsonObject readObject(String json) {
        try (JsonReader reader = this.json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /**
     * @param json JSON text
     * @return a streaming parser over it; close it when done
     */
    public JsonParser parser(String json) {
        return this.json.createParser(new StringReader(json));
    }

    /** @return the JSON-P provider, for builders of trees */
    public JsonProvider provider() {
        return json;
    }
}
