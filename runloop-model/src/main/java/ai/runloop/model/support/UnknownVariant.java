package ai.runloop.model.support;

import jakarta.json.JsonObject;

/** A union value of a variant this SDK version does not know; it keeps the raw JSON object. */
public interface UnknownVariant {
    /** @return the discriminator value, or null when the object had none */
    String type();

    /** @return the JSON object exactly as received */
    JsonObject raw();
}
