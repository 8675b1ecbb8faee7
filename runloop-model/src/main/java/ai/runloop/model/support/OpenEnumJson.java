package ai.runloop.model.support;

import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * JSON-B mapping of an {@link OpenEnum} to and from a bare JSON string. Each open enum type names a
 * subclass of this in its {@code @JsonbTypeSerializer}/{@code @JsonbTypeDeserializer} annotations.
 *
 * @param <T> the open enum type
 */
public abstract class OpenEnumJson<T extends OpenEnum> implements JsonbSerializer<T>, JsonbDeserializer<T> {
    private final Function<String, T> factory;

    /** @param factory maps a wire string to the open enum value, never throwing */
    protected OpenEnumJson(Function<String, T> factory) {
        this.factory = factory;
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializationContext ctx) {
        generator.write(value.value());
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        return switch (parser.currentEvent()) {
            case VALUE_STRING, VALUE_NUMBER -> factory.apply(parser.getString());
            case VALUE_TRUE -> factory.apply("true");
            case VALUE_FALSE -> factory.apply("false");
            case VALUE_NULL -> null;
            default -> throw new jakarta.json.bind.JsonbException(
                    "expected a string for an enum value but found " + parser.currentEvent());
        };
    }
}
