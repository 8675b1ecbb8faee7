package ai.runloop.model.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Holds the compiled model types to the wire spec, by reflection, independently of the generator: every
 * model exists, every field is a record component with exactly the wire name and a compatible Java type,
 * no component lacks a spec row, and unions permit exactly their variants.
 */
class ModelSpecConformanceTest {
    private final Map<String, List<SpecRow>> spec = SpecRow.byModel();
    private final List<String> problems = new ArrayList<>();

    @Test
    void everyModelOfTheSpecHasAJavaTypeAndNoMore() {
        assertEquals(235, spec.size(), "the spec should hold 235 models");
        Set<String> missing = new HashSet<>(spec.keySet());
        missing.removeAll(ModelCatalog.BY_SPEC_NAME.keySet());
        Set<String> extra = new HashSet<>(ModelCatalog.BY_SPEC_NAME.keySet());
        extra.removeAll(spec.keySet());
        assertTrue(missing.isEmpty(), "models of the spec without a Java type: " + missing);
        assertTrue(extra.isEmpty(), "Java model types the spec does not have: " + extra);
    }

    @Test
    void everyFieldHasItsWireNameAndACompatibleType() {
        spec.forEach((model, rows) -> {
            Class<?> type = ModelCatalog.BY_SPEC_NAME.get(model);
            if (type == null) {
                problems.add(model + ": no Java type");
            } else if (rows.size() == 1 && rows.get(0).isUnionRow()) {
                checkUnion(model, rows.get(0), type);
            } else {
                checkRecord(model, rows, type);
            }
        });
        assertTrue(problems.isEmpty(), problems.size() + " mismatches with the spec:\n" + String.join("\n", problems));
    }

    private void checkRecord(String model, List<SpecRow> rows, Class<?> type) {
        if (!type.isRecord()) {
            problems.add(model + ": " + type.getName() + " is not a record");
            return;
        }
        Map<String, RecordComponent> byWire = Arrays.stream(type.getRecordComponents())
                .filter(c -> annotation(c, JsonbProperty.class) != null)
                .collect(Collectors.toMap(c -> annotation(c, JsonbProperty.class).value(), c -> c, (a, b) -> a,
                        java.util.HashMap::new));
        for (RecordComponent c : type.getRecordComponents()) {
            if (annotation(c, JsonbTransient.class) != null && c.getType() == BinaryContent.class) {
                byWire.put(snake(c.getName()), c); // a multipart file part: named like its wire field, not JSON
            } else if (annotation(c, JsonbProperty.class) == null) {
                problems.add(model + "." + c.getName() + ": component without @JsonbProperty");
            }
        }
        Set<String> specFields = new HashSet<>();
        for (SpecRow row : rows) {
            specFields.add(row.field());
            RecordComponent c = byWire.get(row.field());
            if (c == null) {
                problems.add(model + "." + row.field() + ": missing (no component with this wire name)");
                continue;
            }
            if (!compatible(row, row.type(), c.getGenericType(), type)) {
                problems.add(model + "." + row.field() + ": spec type " + row.type() + " but Java " + c.getGenericType().getTypeName());
            }
            if (row.required() && row.nullable() && annotation(c, JsonbNillable.class) == null) {
                problems.add(model + "." + row.field() + ": required but nullable, so an explicit null must be written (@JsonbNillable)");
            }
        }
        for (String wire : byWire.keySet()) {
            if (!specFields.contains(wire)) {
                problems.add(model + "." + wire + ": wire name not in the spec");
            }
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** JSON-B annotations target fields and methods, so on a record they land on the field and accessor. */
    static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent c, Class<A> type) {
        A onAccessor = c.getAccessor().getAnnotation(type);
        if (onAccessor != null) {
            return onAccessor;
        }
        try {
            return c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(type);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private void checkUnion(String model, SpecRow row, Class<?> type) {
        if (!type.isInterface() || !type.isSealed()) {
            problems.add(model + ": a union must be a sealed interface");
            return;
        }
        Set<Class<?>> permitted = new HashSet<>(Arrays.asList(type.getPermittedSubclasses()));
        Matcher m = Pattern.compile("(\\w+)=([\\w.]+)").matcher(row.notes());
        int variants = 0;
        while (m.find()) {
            variants++;
            Class<?> variant = ModelCatalog.BY_SPEC_NAME.get(m.group(2));
            if (variant == null || !permitted.contains(variant)) {
                problems.add(model + ": variant " + m.group(1) + "=" + m.group(2) + " is not permitted");
            } else if (!m.group(1).equals(constantType(variant))) {
                problems.add(model + ": variant " + m.group(2) + " carries type " + constantType(variant) + ", not " + m.group(1));
            }
        }
        boolean hasUnknown = permitted.stream().anyMatch(UnknownVariant.class::isAssignableFrom);
        if (!hasUnknown || permitted.size() != variants + 1) {
            problems.add(model + ": should permit its " + variants + " variants and one unknown-variant fallback, permits " + permitted);
        }
    }

    private static String constantType(Class<?> variant) {
        try {
            Field f = variant.getField("TYPE");
            return (String) f.get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private boolean compatible(SpecRow row, String specType, Type java, Class<?> owner) {
        if (specType.startsWith("array<")) {
            return java instanceof ParameterizedType p && p.getRawType() == List.class
                    && compatible(row, specType.substring(6, specType.length() - 1), p.getActualTypeArguments()[0], owner);
        }
        if (specType.startsWith("map<string,")) {
            return java instanceof ParameterizedType p && p.getRawType() == Map.class
                    && p.getActualTypeArguments()[0] == String.class
                    && compatible(row, specType.substring(11, specType.length() - 1), p.getActualTypeArguments()[1], owner);
        }
        if (specType.startsWith("enum{")) {
            List<String> values = List.of(specType.substring(5, specType.length() - 1).split("\\|"));
            if (row.field().equals("type") && values.size() == 1) {
                return java == String.class && values.get(0).equals(constantType(owner));
            }
            return java instanceof Class<?> c && OpenEnum.class.isAssignableFrom(c) && knownValues(c).containsAll(values);
        }
        return switch (specType) {
            case "string" -> java == String.class;
            case "int32" -> java == Integer.class;
            case "int64" -> java == Long.class;
            case "double" -> java == Double.class;
            case "boolean" -> java == Boolean.class;
            case "object" -> java == JsonValue.class;
            case "binary" -> java == BinaryContent.class;
            default -> java == ModelCatalog.BY_SPEC_NAME.get(specType);
        };
    }

    private static Set<String> knownValues(Class<?> openEnum) {
        try {
            List<?> values = (List<?>) openEnum.getMethod("knownValues").invoke(null);
            return values.stream().map(v -> ((OpenEnum) v).value()).collect(Collectors.toSet());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(openEnum + " has no knownValues()", e);
        }
    }
}
