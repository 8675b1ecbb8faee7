package ai.runloop.emulator.internal.server;

import io.vertx.core.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;

/**
 * The emulator's JSON-B bridge to the API's model records ({@code ai.runloop.model}). Answers are
 * written from records, so the wire names are the records' {@code @JsonbProperty} names, absent
 * optional values are omitted and only {@code required}+{@code nullable} fields are sent as explicit
 * {@code null} ({@code @JsonbNillable}). State kept as loose JSON is passed through its model record
 * with {@link #shape}, which drops every key the model does not have.
 */
public final class Wire {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withEncoding(StandardCharsets.UTF_8.name()));

    private Wire() {
    }

    /** Creates the JSON-B instance and maps one record now, so the first request does not pay for it. */
    public static void warmUp() {
        json(ai.runloop.model.devboxes.DevboxView.builder().id("warm-up").capabilities(java.util.List.of()).createTimeMs(0L)
                .launchParameters(read(new JsonObject(), ai.runloop.model.shared.LaunchParameters.class)).metadata(java.util.Map.of())
                .stateTransitions(java.util.List.of()).status(ai.runloop.model.devboxes.DevboxStatus.RUNNING).build());
    }

    /** @param record a model record @return its JSON as a Vert.x object */
    public static JsonObject json(Object record) {
        return new JsonObject(JSONB.toJson(record));
    }

    /**
     * @param json loose JSON (e.g. a request body or stored state)
     * @param type the model record to read it as
     * @param <T> the record type
     * @return the record; unknown keys are ignored
     * @throws ApiException 400 naming the model when the JSON does not fit it
     */
    public static <T> T read(JsonObject json, Class<T> type) {
        return read(json, type, "body");
    }

    /**
     * @param json loose JSON from a request
     * @param type the model record to read it as
     * @param field the request field it came from, named in the 400
     * @param <T> the record type
     * @return the record; unknown keys are ignored
     * @throws ApiException 400 naming {@code field} when the JSON does not fit the model
     */
    public static <T> T read(JsonObject json, Class<T> type, String field) {
        try {
            return JSONB.fromJson(json.encode(), type);
        } catch (JsonbException e) {
            String path = failedProperty(e);
            String param = path == null ? field : "body".equals(field) ? path : field + "." + path;
            throw ApiException.badRequest(param, param + " does not fit " + type.getSimpleName() + ": " + innermost(e));
        }
    }

    private static final java.util.regex.Pattern PROPERTY = java.util.regex.Pattern.compile("property '([^']+)'");

    /** @return the dotted path of the properties named in Yasson's nested messages, or null */
    private static String failedProperty(Throwable e) {
        java.util.regex.Matcher m = PROPERTY.matcher(String.valueOf(e.getMessage()));
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            path.append(path.length() == 0 ? "" : ".").append(m.group(1));
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static String innermost(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int i = message.lastIndexOf("because of: ");
        return i < 0 ? message : message.substring(i + "because of: ".length());
    }

    /**
     * Passes loose JSON through a model record: keys the model lacks are dropped, nulls of optional
     * fields are omitted.
     *
     * @param type the response model record
     * @param json the answer as loose JSON
     * @return the answer as the model writes it
     */
    public static JsonObject shape(Class<?> type, JsonObject json) {
        try {
            return json(JSONB.fromJson(json.encode(), type));
        } catch (JsonbException e) {
            throw new ApiException(500, "emulator built an answer that does not fit " + type.getSimpleName() + ": "
                    + e.getMessage(), null);
        }
    }
}
