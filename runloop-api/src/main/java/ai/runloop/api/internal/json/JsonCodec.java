package ai.runloop.api.internal.json;

import ai.runloop.model.internal.json.ModelReaders;
import ai.runloop.model.internal.json.ValueReader;
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
 * The one JSON setup of the SDK. Records are read by the readers generated beside them
 * ({@code ai.runloop.model.internal.json}) straight from a JSON-P (Parsson) parser; JSON-B (Yasson)
 * writes every value and reads what has no generated reader, and whatever a generated reader leaves to
 * it: a document of a shape the readers do not take (which JSON-B converts or rejects) or malformed
 * text. So every answer, and every error with its message, is the one JSON-B gives; it is just not
 * asked for the documents a server normally sends. The shared, thread-safe Jsonb is built on first
 * use only (tens of milliseconds cold): a program that only reads records never builds it.
 */
public final class JsonCodec {
    private static final JsonCodec INSTANCE = new JsonCodec();

    private final JsonProvider json = JsonProvider.provider();
    /** The generated reader of each requested type, when it has one. */
    private final ClassValue<ValueReader<?>> readers = new ClassValue<>() {
        @Override
        protected ValueReader<?> computeValue(Class<?> type) {
            return ModelReaders.forType(type);
        }
    };

    private JsonCodec() {
    }

    /** Built on first use, by the JVM's class initialisation (thread-safe, no lock afterwards). */
    private static final class Yasson {
        static final Jsonb JSONB = JsonbBuilder.newBuilder()
                .withConfig(new JsonbConfig().withEncoding(StandardCharsets.UTF_8.name()))
                .withProvider(INSTANCE.json)
                .build();
    }

    private static Jsonb jsonb() {
        return Yasson.JSONB;
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
        return jsonb().toJson(value);
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
        return type.cast(read(json, type));
    }

    /**
     * @param json UTF-8 JSON bytes
     * @param type the type to read, possibly generic
     * @param <T>  the type
     * @return the value
     * @throws jakarta.json.bind.JsonbException when the JSON is malformed or does not fit the type
     */
    @SuppressWarnings("unchecked")
    public <T> T fromJson(byte[] json, Type type) {
        // Through a String, not an InputStream: for a stream Parsson wraps an InputStreamReader whose
        // decoder allocates an 8 KiB buffer per call, a third of all the bytes one retrieve() allocated
        // (measured with JFR allocation samples); a String goes to a pooled char buffer.
        int bom = json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB && (json[2] & 0xFF) == 0xBF ? 3 : 0;
        return (T) read(new String(json, bom, json.length - bom, StandardCharsets.UTF_8), type);
    }

    /**
     * @param json UTF-8 JSON stream; not closed
     * @param type the type to read
     * @param <T>  the type
     * @return the value
     */
    public <T> T fromJson(InputStream json, Type type) {
        return jsonb().fromJson(json, type);
    }

    private Object read(String text, Type type) {
        ValueReader<?> reader = type instanceof Class<?> c ? readers.get(c) : null;
        if (reader != null) {
            try (JsonParser parser = json.createParser(new StringReader(text))) {
                return reader.read(parser, parser.next());
            } catch (RuntimeException leftToJsonb) {
                // A shape the generated readers leave to JSON-B (JsonReading.Mismatch), malformed text, or
                // anything else: JSON-B reads the document again and gives its own answer or error.
            }
        }
        return jsonb().fromJson(text, type);
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
