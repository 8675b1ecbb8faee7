package ai.runloop.model.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * JSON-B reading of a discriminated union value: picks the variant record named by the discriminator
 * field and falls back to an unknown-variant record that keeps the raw JSON, so a variant added to the
 * API later never breaks reading. Generated unions name a subclass of this on every property of the
 * union type (not on the union interface itself, which Yasson would also apply to every variant).
 *
 * @param <T> the sealed union type
 */
public abstract class UnionJson<T> implements JsonbDeserializer<T> {
    private final String discriminator;
    private final Map<String, Class<? extends T>> variants;
    private final BiFunction<String, JsonObject, T> unknown;

    /**
     * @param discriminator the wire name of the field that names the variant
     * @param variants      variant records by discriminator value
     * @param unknown       builds the fallback from the discriminator value (maybe null) and the raw object
     */
    protected UnionJson(String discriminator, Map<String, Class<? extends T>> variants,
                        BiFunction<String, JsonObject, T> unknown) {
        this.discriminator = discriminator;
        this.variants = Map.copyOf(variants);
        this.unknown = unknown;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        if (parser.currentEvent() == JsonParser.Event.VALUE_NULL) {
            return null;
        }
        if (parser.currentEvent() != JsonParser.Event.START_OBJECT) {
            throw new JsonbException("expected a JSON object for a union value but found " + parser.currentEvent());
        }
        return read(parser.getObject(), ctx);
    }

    /**
     * Reads one union value from its JSON object.
     *
     * @param raw the object
     * @param ctx the context to read the chosen variant with
     * @return the variant, or the unknown-variant fallback
     */
    T read(JsonObject raw, DeserializationContext ctx) {
        JsonValue tag = raw.get(discriminator);
        String type = tag instanceof JsonString s ? s.getString() : null;
        Class<? extends T> variant = type == null ? null : variants.get(type);
        if (variant == null) {
            return unknown.apply(type, raw);
        }
        // Yasson 3.0.5's context keeps reading its own parser even when handed another one, so the
        // chosen variant is read by a Jsonb of its own from the already-buffered object.
        return VariantJsonb.INSTANCE.fromJson(raw.toString(), variant);
    }

    /** Created on first use only: building a Jsonb costs tens of milliseconds. */
    private static final class VariantJsonb {
        static final Jsonb INSTANCE = JsonbBuilder.create();
    }
}
