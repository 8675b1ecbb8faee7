package ai.runloop.model.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of random model instances, built by reflection over the record components so
 * that every model, present and future, is covered without a hand-written generator each.
 */
final class RandomModels {
    /** Characters chosen to stress JSON escaping: quotes, backslash, control, non-ASCII, astral. */
    private static final String[] ALPHABET = {"a", "Z", "0", "_", " ", "\"", "\\", "/", "\n", "\t", "\u0001", "é", "ß",
        "中", "😀", "<", "&", "'", "%", "."};
    private static final int MAX_DEPTH = 4;

    private RandomModels() {
    }

    /** @return a generator of instances of the given record type */
    static <T> Gen<T> of(Class<T> type) {
        return in -> type.cast(new Maker(in).make(type, 0));
    }

    private static final class Maker {
        private final RandomnessSource in;

        Maker(RandomnessSource in) {
            this.in = in;
        }

        int between(int min, int max) {
            return (int) in.next(Constraint.between(min, max));
        }

        boolean chance(int percent) {
            return between(0, 99) < percent;
        }

        Object make(Type type, int depth) {
            if (type instanceof ParameterizedType p) {
                Class<?> raw = (Class<?>) p.getRawType();
                Type arg = p.getActualTypeArguments()[raw == Map.class ? 1 : 0];
                int size = depth >= MAX_DEPTH ? 0 : between(0, 2);
                if (raw == List.class) {
                    List<Object> list = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        list.add(make(arg, depth + 1));
                    }
                    return list;
                }
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(string() + i, make(arg, depth + 1));
                }
                return map;
            }
            Class<?> c = (Class<?>) type;
            if (c == String.class) {
                return string();
            }
            if (c == Integer.class) {
                return (int) in.next(Constraint.between(Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            if (c == Long.class) {
                return in.next(Constraint.between(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
            }
            if (c == Double.class) {
                return between(-1_000_000, 1_000_000) / 64.0;
            }
            if (c == Boolean.class) {
                return chance(50);
            }
            if (c == JsonValue.class) {
                return Json.createObjectBuilder().add(string(), string()).add("n", between(-5, 5)).build();
            }
            if (c == BinaryContent.class) {
                return null; // not JSON: sent as a multipart part
            }
            if (OpenEnum.class.isAssignableFrom(c)) {
                return openEnum(c);
            }
            if (c.isSealed()) {
                return union(c, depth);
            }
            if (c.isRecord()) {
                return record(c, depth);
            }
            throw new IllegalArgumentException("no generator for " + type);
        }

        String string() {
            int length = between(0, 8);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sb.append(ALPHABET[between(0, ALPHABET.length - 1)]);
            }
            return sb.toString();
        }

        Object openEnum(Class<?> c) {
            try {
                if (chance(25)) {
                    return c.getMethod("of", String.class).invoke(null, "zz_newer_value_" + between(0, 9));
                }
                List<?> known = (List<?>) c.getMethod("knownValues").invoke(null);
                return known.get(between(0, known.size() - 1));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        Object union(Class<?> c, int depth) {
            Class<?>[] variants = c.getPermittedSubclasses();
            Class<?> chosen = variants[between(0, variants.length - 1)];
            if (UnknownVariant.class.isAssignableFrom(chosen)) {
                String type = "zz_newer_variant";
                JsonObject raw = Json.createObjectBuilder().add("type", type).add("payload", string()).build();
                return construct(chosen, new Object[] {type, raw});
            }
            return record(chosen, depth);
        }

        Object record(Class<?> c, int depth) {
            RecordComponent[] components = c.getRecordComponents();
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                Type t = components[i].getGenericType();
                boolean nested = t instanceof Class<?> k && (k.isRecord() || k.isSealed()) && !OpenEnum.class.isAssignableFrom(k);
                if (components[i].getName().equals("type") && constantType(c) != null) {
                    args[i] = chance(50) ? constantType(c) : null; // a discriminator constant, filled in when null
                } else if (chance(25) || (nested && depth >= MAX_DEPTH)) {
                    args[i] = null;
                } else {
                    args[i] = make(t, depth + 1);
                }
            }
            return construct(c, args);
        }

        static String constantType(Class<?> c) {
            try {
                return (String) c.getField("TYPE").get(null);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        static Object construct(Class<?> c, Object[] args) {
            try {
                Class<?>[] types = Arrays.stream(c.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
                Constructor<?> canonical = c.getDeclaredConstructor(types);
                return canonical.newInstance(args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException("cannot construct " + c.getName(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + c.getName(), e);
            }
        }
    }
}
