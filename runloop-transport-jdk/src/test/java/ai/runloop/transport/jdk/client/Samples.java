package ai.runloop.transport.jdk.client;

import ai.runloop.model.support.BinaryContent;
import ai.runloop.model.support.OpenEnum;
import ai.runloop.model.support.UnknownVariant;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Sample model instances with every field set, built by reflection over the record components so
 * that each params model, present or future, is covered without a hand-written sample.
 */
final class Samples {
    /** A string that needs percent-encoding in a query and escaping in JSON. */
    static final String TEXT = "v é&=+/%";
    /** The bytes of a sample file part. */
    static final byte[] FILE = "file bytes \u00e9\r\n--not-a-boundary\r\n".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_DEPTH = 4;

    private Samples() {
    }

    /**
     * @param type     a params record
     * @param override values for components by wire name (path parameters carried in the record)
     * @return an instance with every component set
     */
    static Object of(Class<?> type, Map<String, Object> override) {
        return record(type, 0, override);
    }

    /** @return the wire name of a record component */
    static String wireName(RecordComponent component) {
        JsonbProperty p = component.getAccessor().getAnnotation(JsonbProperty.class);
        if (p == null) {
            p = component.getAnnotation(JsonbProperty.class);
        }
        return p == null ? component.getName() : p.value();
    }

    private static Object make(Type type, int depth) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw == List.class) {
                Object item = make(p.getActualTypeArguments()[0], depth + 1);
                return item == null ? List.of() : List.of(item);
            }
            if (raw == Map.class) {
                Object value = make(p.getActualTypeArguments()[1], depth + 1);
                return value == null ? Map.of() : Map.of("k", value);
            }
            throw new IllegalArgumentException("no sample for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return TEXT;
        }
        if (c == Integer.class || c == int.class) {
            return 7;
        }
        if (c == Long.class || c == long.class) {
            return 7L;
        }
        if (c == Double.class || c == double.class) {
            return 1.5;
        }
        if (c == Boolean.class || c == boolean.class) {
            return true;
        }
        if (c == JsonValue.class || c == Object.class) {
            return Json.createObjectBuilder().add("k", "v").build();
        }
        if (c == BinaryContent.class) {
            return BinaryContent.ofBytes(FILE);
        }
        if (OpenEnum.class.isAssignableFrom(c)) {
            try {
                return ((List<?>) c.getMethod("knownValues").invoke(null)).get(0);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (c.isSealed()) {
            Class<?> variant = Arrays.stream(c.getPermittedSubclasses())
                    .filter(v -> !UnknownVariant.class.isAssignableFrom(v)).findFirst().orElseThrow();
            return record(variant, depth, Map.of());
        }
        if (c.isRecord()) {
            return depth >= MAX_DEPTH ? null : record(c, depth, Map.of());
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private static Object record(Class<?> c, int depth, Map<String, Object> override) {
        RecordComponent[] components = c.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String wire = wireName(components[i]);
            if (override.containsKey(wire)) {
                args[i] = override.get(wire);
            } else if (components[i].getName().equals("type") && constantType(c) != null) {
                args[i] = constantType(c);
            } else {
                args[i] = make(components[i].getGenericType(), depth + 1);
            }
        }
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> canonical = c.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + c.getName(), e);
        }
    }

    private static String constantType(Class<?> c) {
        try {
            return (String) c.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
