package ai.runloop.model.internal.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;

/**
 * What the generated readers share: reading one JSON value of a scalar kind from a JSON-P parser,
 * exactly as the JSON-B mapping (Yasson) reads it into that Java type.
 *
 * <p>Each method reads the shapes a server sends for its type (a number for an {@code Integer}, a
 * string for a {@code String}, ...). Any other shape — a string where a number belongs, a fraction
 * for an {@code Integer}, an object for a {@code Boolean} — throws {@link Mismatch}: the caller then
 * reads the whole document with JSON-B, which gives its own answer for such input (a conversion or
 * its error), so a reader never has to copy JSON-B's rules for odd input and never disagrees with it.
 */
public final class JsonReading {

    private JsonReading() {
    }

    /**
     * The document has a shape the generated readers leave to JSON-B. Without a stack trace: it is
     * control flow, caught at once by the codec.
     */
    public static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param what  what was expected
     * @param found the event found instead
     * @return the exception to throw
     */
    public static Mismatch mismatch(String what, Event found) {
        return new Mismatch("expected " + what + " but found " + found);
    }

    /**
     * A string: JSON-B also takes a number (its text) and {@code true}/{@code false} for a string.
     *
     * @param parser the parser, at the value
     * @param event  the value's event
     * @return the string, or null for JSON null
     */
    public static String string(JsonParser parser, Event event) {
        return switch (event) {
            case VALUE_STRING, VALUE_NUMBER -> parser.getString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> null;
            default -> throw mismatch("a string", event);
        };
    }

    /**
     * An {@code Integer} from a JSON integer; like JSON-B, one out of range keeps its low 32 bits.
     *
     * @param parser the parser, at the value
     * @param event  the value's event
     * @return the number, or null for JSON null
     */
    public static Integer int32(JsonParser parser, Event event) {
        if (event == Event.VALUE_NUMBER && parser.isIntegralNumber()) {
            // getLong() keeps the low 64 bits of any integer, so the cast leaves JSON-B's low 32 bits.
            return (int) parser.getLong();
        }
        if (event == Event.VALUE_NULL) {
            return null;
        }
        throw mismatch("an integer", event);
    }

    /**
     * A {@code Long} from a JSON integer; like JSON-B, one out of range keeps its low 64 bits.
     *
     * @param parser the parser, at the value
     * @param event  the value's event
     * @return the number, or null for JSON null
     */
    public static Long int64(JsonParser parser, Event event) {
        if (event == Event.VALUE_NUMBER && parser.isIntegralNumber()) {
            return parser.getLong();
        }
        if (event == Event.VALUE_NULL) {
            return null;
        }
        throw mismatch("an integer", event);
    }

    /**
     * A {@code Double} from a JSON number: the nearest double to its text, as JSON-B parses it (which
     * keeps {@code -0.0}, unlike {@code BigDecimal.doubleValue()}).
     *
     * @param parser the parser, at the value
     * @param event  the value's event
     * @return the number, or null for JSON null
     */
    public static Double float64(JsonParser parser, Event event) {
        if (event == Event.VALUE_NUMBER) {
            return Double.parseDouble(parser.getString());
        }
        if (event == Event.VALUE_NULL) {
            return null;
        }
        throw mismatch("a number", event);
    }

    /**
     * A {@code Boolean} from JSON {@code true} or {@code false}.
     *
     * @param parser the parser, at the value
     * @param event  the value's event
     * @return the value, or null for JSON null
     */
    public static Boolean bool(JsonParser parser, Event event) {
        return switch (event) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw mismatch("true or false", event);
        };
    }

    /**
     * Free-form JSON: any value as a JSON-P tree; JSON null is {@link JsonValue#NULL}, as JSON-B reads it.
     *
     * @param parser the parser, at the value
     * @param event  the value's event
     * @return the value, never null
     */
    public static JsonValue json(JsonParser parser, Event event) {
        return event == Event.VALUE_NULL ? JsonValue.NULL : parser.getValue();
    }

    /**
     * The text of an open enum value: a string, a number's text, {@code true} or {@code false}, as
     * {@link ai.runloop.model.support.OpenEnumJson} reads it.
     *
     * @param parser the parser, at the value
     * @param event  the value's event
     * @return the text, or null for JSON null
     */
    public static String enumText(JsonParser parser, Event event) {
        return switch (event) {
            case VALUE_STRING, VALUE_NUMBER -> parser.getString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> null;
            default -> throw mismatch("an enum value", event);
        };
    }

    /**
     * A component that is never read from JSON (binary content sent as a multipart part): only JSON null
     * fits it here.
     *
     * @param event the value's event
     * @param <T>   the component type
     * @return null
     */
    public static <T> T onlyNull(Event event) {
        if (event != Event.VALUE_NULL) {
            throw mismatch("null", event);
        }
        return null;
    }

    /**
     * Checks that a value opens an object.
     *
     * @param event the value's event
     * @param what  the model, for the message
     */
    public static void startObject(Event event, String what) {
        if (event != Event.START_OBJECT) {
            throw mismatch("an object for " + what, event);
        }
    }

    /**
     * Checks that a value opens an array.
     *
     * @param event the value's event
     */
    public static void startArray(Event event) {
        if (event != Event.START_ARRAY) {
            throw mismatch("an array", event);
        }
    }

    /**
     * Skips a value of a field this SDK does not know.
     *
     * @param parser the parser, at the value
     * @param event  the value's event
     */
    public static void skip(JsonParser parser, Event event) {
        if (event == Event.START_OBJECT) {
            parser.skipObject();
        } else if (event == Event.START_ARRAY) {
            parser.skipArray();
        }
    }

    /**
     * The discriminator of a union value, read as {@link ai.runloop.model.support.UnionJson} reads it.
     *
     * @param raw           the union value's object
     * @param discriminator the discriminator's wire name
     * @return its string value, or null when absent or not a string
     */
    public static String discriminator(JsonObject raw, String discriminator) {
        return raw.get(discriminator) instanceof JsonString s ? s.getString() : null;
    }

    /**
     * A parser over an object's JSON text: a union's variant is read from the object's text, as
     * {@link ai.runloop.model.support.UnionJson} reads it, so both see the same values.
     *
     * @param raw the object
     * @return a parser positioned before the object; close it
     */
    public static JsonParser parserOf(JsonObject raw) {
        return Parsers.FACTORY.createParser(new StringReader(raw.toString()));
    }

    /** Created on first use only: union values are rare. */
    private static final class Parsers {
        static final JsonParserFactory FACTORY = JsonProvider.provider().createParserFactory(Map.of());
    }
}
