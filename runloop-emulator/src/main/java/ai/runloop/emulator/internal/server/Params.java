package ai.runloop.emulator.internal.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and checks request bodies and query parameters; every failure is a 400 naming the field. */
public final class Params {
    private Params() {
    }

    /** @param ctx the request @return the JSON body, empty when there is none */
    public static JsonObject body(RoutingContext ctx) {
        Buffer b = ctx.body() == null ? null : ctx.body().buffer();
        if (b == null || b.length() == 0 || b.toString().isBlank()) {
            return new JsonObject();
        }
        try {
            return new JsonObject(b);
        } catch (DecodeException | ClassCastException e) {
            throw ApiException.badRequest("body", "request body must be a JSON object");
        }
    }

    /**
     * The JSON body, checked against the endpoint's request model: a value of the wrong type is a 400
     * naming its field, and nothing that does not fit the model is ever stored.
     *
     * @param ctx the request
     * @param paramsModel the request model record, e.g. {@code ScenarioCreateParams}
     * @return the JSON body, empty when there is none
     */
    public static JsonObject body(RoutingContext ctx, Class<?> paramsModel) {
        JsonObject body = body(ctx);
        Wire.read(body, paramsModel, "body");
        return body;
    }

    /** @param body JSON @param field name @return the non-blank string value */
    public static String requiredString(JsonObject body, String field) {
        String v = optString(body, field);
        if (v == null || v.isEmpty()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        return v;
    }

    /** @param body JSON @param field name @return the string or null */
    public static String optString(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw ApiException.badRequest(field, field + " must be a string");
        }
        return s;
    }

    /** @param body JSON @param field name @param dflt default @return the boolean */
    public static boolean optBool(JsonObject body, String field, boolean dflt) {
        Object v = body.getValue(field);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Boolean b)) {
            throw ApiException.badRequest(field, field + " must be a boolean");
        }
        return b;
    }

    /** @param body JSON @param field name @return the number or null */
    public static Double optNumber(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw ApiException.badRequest(field, field + " must be a number");
        }
        return n.doubleValue();
    }

    /** @param body JSON @param field name @return the object or null */
    public static JsonObject optObject(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw ApiException.badRequest(field, field + " must be an object");
        }
        return o;
    }

    /** @param body JSON @param field name @return the array or null */
    public static JsonArray optArray(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonArray a)) {
            throw ApiException.badRequest(field, field + " must be an array");
        }
        return a;
    }

    /** @param body JSON @param field name @return the strings (empty when absent) */
    public static List<String> stringList(JsonObject body, String field) {
        JsonArray a = optArray(body, field);
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (Object o : a) {
                if (!(o instanceof String s)) {
                    throw ApiException.badRequest(field, field + " must be an array of strings");
                }
                out.add(s);
            }
        }
        return out;
    }

    /** @param body JSON @param field name @return the string map (empty when absent) */
    public static Map<String, String> stringMap(JsonObject body, String field) {
        JsonObject o = optObject(body, field);
        Map<String, String> out = new LinkedHashMap<>();
        if (o != null) {
            for (Map.Entry<String, Object> e : o) {
                if (!(e.getValue() instanceof String s)) {
                    throw ApiException.badRequest(field, field + "." + e.getKey() + " must be a string");
                }
                out.put(e.getKey(), s);
            }
        }
        return out;
    }

    /** @param ctx request @param name query key @return the value or null */
    public static String query(RoutingContext ctx, String name) {
        return ctx.queryParams().get(name);
    }

    /**
     * @param ctx request
     * @param name query key
     * @param dflt default
     * @param min smallest allowed
     * @param max largest allowed
     * @return the integer value
     */
    public static long queryLong(RoutingContext ctx, String name, long dflt, long min, long max) {
        String v = query(ctx, name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw ApiException.badRequest(name, name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be an integer");
        }
    }

    /** @param ctx request @param name query key @param dflt default @return the boolean */
    public static boolean queryBool(RoutingContext ctx, String name, boolean dflt) {
        String v = query(ctx, name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw ApiException.badRequest(name, name + " must be true or false");
        }
        return Boolean.parseBoolean(v);
    }
}
