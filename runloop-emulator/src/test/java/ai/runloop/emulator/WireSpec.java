package ai.runloop.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API reference as the project keeps it (runloop-model's models.tsv and runloop-api's
 * endpoints.tsv, read from their test resources, never copied) and a recursive checker of a JSON
 * answer against a model: no key the model lacks, every required key, no null where not nullable (and
 * no explicit null for an optional field: absent values are omitted),
 * the right JSON type, enum values inside the set, nested models, unions dispatched on {@code type}.
 */
final class WireSpec {
    /** One field row of models.tsv. */
    record Field(String name, String type, boolean required, boolean nullable, String notes) {
    }

    /** One row of endpoints.tsv. */
    record Endpoint(String resource, String operation, String method, String path, String response) {
        String key() {
            return resource + "." + operation;
        }

        /** @return the path as a regex ({@code {x}} matches one segment); for COMPOSITE rows the first call's path */
        Pattern pathPattern() {
            return pathPatterns().get(0);
        }

        /** @return one regex per path of the row (COMPOSITE rows list their calls as {@code a -> b}) */
        List<Pattern> pathPatterns() {
            List<Pattern> out = new ArrayList<>();
            for (String p : path.split(" -> ")) {
                out.add(Pattern.compile(Pattern.quote(p.trim()).replaceAll("\\{[a-z_]+}", "\\\\E[^/]+\\\\Q")));
            }
            return out;
        }
    }

    final Map<String, Map<String, Field>> models = new LinkedHashMap<>();
    final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    static WireSpec load() {
        WireSpec s = new WireSpec();
        Path models = locate("runloop-model/src/test/resources/spec/models.tsv");
        Path endpoints = locate("runloop-api/src/test/resources/spec/endpoints.tsv");
        for (String[] row : rows(models)) {
            s.models.computeIfAbsent(row[0], k -> new LinkedHashMap<>())
                    .put(row[1], new Field(row[1], row[2], "yes".equals(row[3]), "yes".equals(row[4]), row.length > 5 ? row[5] : ""));
        }
        for (String[] row : rows(endpoints)) {
            Endpoint e = new Endpoint(row[0], row[1], row[2], row[3], row[6]);
            if (s.endpoints.put(e.key(), e) != null) {
                throw new IllegalStateException("duplicate endpoint row " + e.key());
            }
        }
        return s;
    }

    private static Path locate(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path p = dir.resolve(relative);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find " + relative + " above " + Path.of("").toAbsolutePath());
    }

    private static List<String[]> rows(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String[]> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    out.add(line.split("\t", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a JSON value against a model.
     *
     * @param model model name
     * @param value the parsed JSON (Vert.x types)
     * @param path where in the answer, for messages
     * @param errors violations found
     */
    void checkModel(String model, Object value, String path, List<String> errors) {
        Map<String, Field> fields = models.get(model);
        if (fields == null) {
            errors.add(path + ": spec has no model " + model);
            return;
        }
        if (!(value instanceof JsonObject o)) {
            errors.add(path + ": expected a " + model + " object, got " + describe(value));
            return;
        }
        Map<String, String> variants = unionVariants(fields);
        if (variants != null) {
            Object t = o.getValue("type");
            String variant = t instanceof String s ? variants.get(s) : null;
            if (variant == null) {
                errors.add(path + ".type: " + describe(t) + " names no variant of union " + model + " " + variants.keySet());
                return;
            }
            checkModel(variant, value, path, errors);
            return;
        }
        for (String key : o.fieldNames()) {
            if (!fields.containsKey(key)) {
                errors.add(path + "." + key + ": not a field of " + model + " (made up)");
            }
        }
        for (Field f : fields.values()) {
            boolean present = o.containsKey(f.name());
            Object v = o.getValue(f.name());
            if (!present) {
                if (f.required()) {
                    errors.add(path + "." + f.name() + ": required field of " + model + " missing");
                }
                continue;
            }
            if (v == null) {
                if (!f.nullable()) {
                    errors.add(path + "." + f.name() + ": null, but " + model + "." + f.name() + " is not nullable");
                } else if (!f.required()) {
                    // allowed by the typings, but the emulator omits absent optional values (as the records do)
                    errors.add(path + "." + f.name() + ": optional field sent as explicit null; omit it instead");
                }
                continue;
            }
            checkType(f.type(), v, path + "." + f.name(), errors);
        }
    }

    private static Map<String, String> unionVariants(Map<String, Field> fields) {
        Field type = fields.get("type");
        if (type == null || !type.notes().startsWith("discriminated union on type:")) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : type.notes().substring("discriminated union on type:".length()).split(";")) {
            String[] kv = part.trim().split("=", 2);
            out.put(kv[0].trim(), kv[1].trim());
        }
        return out;
    }

    /** @param type a models.tsv type @param v non-null value @param path where @param errors violations */
    void checkType(String type, Object v, String path, List<String> errors) {
        if (type.startsWith("array<")) {
            if (!(v instanceof JsonArray a)) {
                errors.add(path + ": expected an array, got " + describe(v));
                return;
            }
            String inner = type.substring(6, type.length() - 1);
            for (int i = 0; i < a.size(); i++) {
                if (a.getValue(i) == null) {
                    errors.add(path + "[" + i + "]: null element");
                } else {
                    checkType(inner, a.getValue(i), path + "[" + i + "]", errors);
                }
            }
            return;
        }
        if (type.startsWith("map<string,")) {
            if (!(v instanceof JsonObject m)) {
                errors.add(path + ": expected a map object, got " + describe(v));
                return;
            }
            String inner = type.substring(11, type.length() - 1);
            for (String k : m.fieldNames()) {
                if (m.getValue(k) == null) {
                    errors.add(path + "." + k + ": null map value");
                } else {
                    checkType(inner, m.getValue(k), path + "." + k, errors);
                }
            }
            return;
        }
        if (type.startsWith("enum{")) {
            Set<String> values = Set.of(type.substring(5, type.length() - 1).split("\\|"));
            if (!(v instanceof String s) || !values.contains(s)) {
                errors.add(path + ": " + describe(v) + " is not one of " + values);
            }
            return;
        }
        switch (type) {
            case "string" -> expect(v instanceof String, "a string", v, path, errors);
            case "boolean" -> expect(v instanceof Boolean, "a boolean", v, path, errors);
            case "int32", "int64" -> expect(v instanceof Integer || v instanceof Long || v instanceof BigInteger,
                    "an integer", v, path, errors);
            case "double" -> expect(v instanceof Number, "a number", v, path, errors);
            case "object" -> {
                // free JSON
            }
            default -> checkModel(type, v, path, errors);
        }
    }

    private static void expect(boolean ok, String what, Object v, String path, List<String> errors) {
        if (!ok) {
            errors.add(path + ": expected " + what + ", got " + describe(v));
        }
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String s = String.valueOf(v);
        return v.getClass().getSimpleName() + " " + (s.length() > 60 ? s.substring(0, 60) + "…" : s);
    }
}
