package ai.runloop.model.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * JSON-B reading of a JSON array of union values, element by element through a {@link UnionJson}.
 *
 * @param <T> the sealed union type
 */
public abstract class UnionListJson<T> implements JsonbDeserializer<List<T>> {
    private final UnionJson<T> element;

    /** @param element the reader of one element */
    protected UnionListJson(UnionJson<T> element) {
        this.element = element;
    }

    @Override
    public List<T> deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        if (parser.currentEvent() == JsonParser.Event.VALUE_NULL) {
            return null;
        }
        if (parser.currentEvent() != JsonParser.Event.START_ARRAY) {
            throw new JsonbException("expected a JSON array of union values but found " + parser.currentEvent());
        }
        List<T> out = new ArrayList<>();
        for (JsonValue item : parser.getArray()) {
            if (item.getValueType() == JsonValue.ValueType.NULL) {
                out.add(null);
            } else if (item instanceof JsonObject object) {
                out.add(element.read(object, ctx));
            } else {
                throw new JsonbException("expected a JSON object for a union value but found " + item.getValueType());
            }
        }
        return Collections.unmodifiableList(out);
    }
}
