package ai.runloop.model.support;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

/** Writes an {@link UnknownVariant} back as the raw object it was read from. */
public final class UnknownVariantJson implements JsonbSerializer<UnknownVariant> {
    /** Creates the writer; JSON-B instantiates it through annotations. */
    public UnknownVariantJson() {
    }

    @Override
    public void serialize(UnknownVariant value, JsonGenerator generator, SerializationContext ctx) {
        generator.write(value.raw());
    }
}
