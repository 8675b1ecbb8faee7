package ai.runloop.model.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;

import ai.runloop.model.axons.SqlQueryResultView;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.model.devboxes.DevboxStatus;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.model.internal.json.JsonReading;
import ai.runloop.model.internal.json.ModelReaders;
import ai.runloop.model.internal.json.ValueReader;
import ai.runloop.model.shared.Mount;
import ai.runloop.model.shared.ObjectMount;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated streaming readers ({@code ai.runloop.model.internal.json}) against the records' JSON-B
 * mapping, which stays the source of truth: for every record, random instances written by JSON-B read
 * back through the generated reader equal to the instance and to what JSON-B itself reads (including the
 * iteration order of maps, compared through {@code toString()}); unknown fields, enum values and union
 * variants are kept as JSON-B keeps them; shapes the readers leave to JSON-B are refused, never
 * misread. The random instances come from {@link RandomModels}: unknown enum values and unknown union
 * variants included.
 */
class GeneratedReadersPropertyTest {
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final int EXAMPLES = 25;

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    static Stream<Class<?>> records() {
        return ModelRoundTripPropertyTest.records();
    }

    /** Reads through the generated reader alone: no fallback to JSON-B here. */
    static <T> T readGenerated(String json, Class<T> type) {
        ValueReader<?> reader = ModelReaders.forType(type);
        assertNotNull(reader, () -> "no generated reader for " + type.getName());
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            return type.cast(reader.read(parser, parser.next()));
        }
    }

    private static <T> void sameAsJsonb(String json, Class<T> type, Object expected) {
        T generated = readGenerated(json, type);
        T jsonb = JSONB.fromJson(json, type);
        if (expected != null) {
            assertEquals(expected, generated, () -> "generated reader, JSON was " + json);
        }
        assertEquals(jsonb, generated, () -> "generated reader vs JSON-B, JSON was " + json);
        assertEquals(String.valueOf(jsonb), String.valueOf(generated), () -> "iteration order, JSON was " + json);
    }

    @TestFactory
    Stream<DynamicTest> readsWhatJsonbWritesLikeJsonb() {
        return records().map(type -> DynamicTest.dynamicTest(type.getName(), () ->
                qt().withExamples(EXAMPLES).withFixedSeed(7L * type.getName().hashCode()).forAll(RandomModels.of(type))
                        .checkAssert(value -> sameAsJsonb(JSONB.toJson(value), type, value))));
    }

    @TestFactory
    Stream<DynamicTest> skipsUnknownFieldsLikeJsonb() {
        return records().map(type -> DynamicTest.dynamicTest(type.getName(), () ->
                qt().withExamples(EXAMPLES / 2).withFixedSeed(11L * type.getName().hashCode()).forAll(RandomModels.of(type))
                        .checkAssert(value -> {
                            JsonObject written = Json.createReader(new StringReader(JSONB.toJson(value))).readObject();
                            // Unknown fields first, in the middle (after the known ones) and of every JSON kind.
                            JsonObjectBuilder extended = Json.createObjectBuilder()
                                    .add("zz_first", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                            .add("id", "not this one").add("deep", Json.createArrayBuilder().add(1).addNull())))
                                    .add("zz_number", 1.5e300);
                            written.forEach(extended::add);
                            extended.add("zz_object", Json.createObjectBuilder().add("type", "x").add("metadata",
                                            Json.createObjectBuilder().add("k", "v")))
                                    .add("zz_flag", false).addNull("zz_nothing").add("zz_text", "}]\"");
                            sameAsJsonb(extended.build().toString(), type, value);
                        })));
    }

    @Test
    void everyRecordHasAReaderAndUnionsHaveNone() {
        records().forEach(type -> assertNotNull(ModelReaders.forType(type), type.getName()));
        assertNull(ModelReaders.forType(Mount.class), "JSON-B reads a union only through its properties");
        assertNull(ModelReaders.forType(String.class));
    }

    @Test
    void keepsUnknownEnumValues() {
        String json = "{\"id\":\"dbx_1\",\"status\":\"hibernating\",\"capabilities\":[\"docker_in_docker\",\"gpu\",null]}";
        DevboxView view = readGenerated(json, DevboxView.class);
        assertEquals("hibernating", view.status().value());
        assertFalse(view.status().isKnown());
        assertSame(ai.runloop.model.shared.DevboxCapability.DOCKER_IN_DOCKER, view.capabilities().get(0));
        assertEquals("gpu", view.capabilities().get(1).value());
        assertNull(view.capabilities().get(2));
        sameAsJsonb(json, DevboxView.class, null);
        assertSame(DevboxStatus.RUNNING, readGenerated("{\"status\":\"running\"}", DevboxView.class).status(),
                "a known value reads as its constant");
    }

    @Test
    void readsUnionsByDiscriminatorAndKeepsUnknownVariants() {
        String json = "{\"mounts\":[null,{\"type\":\"object_mount\",\"object_id\":\"o\",\"object_path\":\"/p\",\"zz\":1},"
                + "{\"type\":\"teleport_mount\",\"a\":1e3,\"b\":[true]},{\"object_id\":\"no type\"},{\"type\":7}]}";
        DevboxCreateParams params = readGenerated(json, DevboxCreateParams.class);
        List<Mount> mounts = params.mounts();
        assertNull(mounts.get(0));
        assertEquals(new ObjectMount("o", "/p", null), mounts.get(1));
        Mount.Unknown newer = assertInstanceOf(Mount.Unknown.class, mounts.get(2));
        assertEquals("teleport_mount", newer.type());
        assertEquals(Json.createReader(new StringReader("{\"type\":\"teleport_mount\",\"a\":1e3,\"b\":[true]}")).readObject(),
                newer.raw());
        assertNull(assertInstanceOf(Mount.Unknown.class, mounts.get(3)).type());
        assertNull(assertInstanceOf(Mount.Unknown.class, mounts.get(4)).type());
        sameAsJsonb(json, DevboxCreateParams.class, null);
    }

    @Test
    void readsFreeFormJsonAsJsonbDoes() {
        String json = "{\"rows\":[null,1,\"two\",{\"a\":null,\"b\":[1.50,-0]}],\"columns\":null}";
        SqlQueryResultView view = readGenerated(json, SqlQueryResultView.class);
        assertSame(JsonValue.NULL, view.rows().get(0), "JSON null in free-form JSON is JsonValue.NULL");
        assertEquals(Json.createValue(1), view.rows().get(1));
        sameAsJsonb(json, SqlQueryResultView.class, null);
    }

    @Test
    void readsNumbersAndNullsAsJsonbDoes() {
        // Out-of-range integers keep their low bits in JSON-B; -0.0 stays negative; null and absent are null.
        for (String json : List.of(
                "{\"create_time_ms\":30000000000000000000,\"end_time_ms\":-9223372036854775808}",
                "{\"launch_parameters\":{\"keep_alive_time_seconds\":3000000000,\"custom_cpu_cores\":-2147483649}}",
                "{\"launch_parameters\":null,\"metadata\":null,\"capabilities\":null,\"id\":null}",
                "{\"metadata\":{\"b\":\"1\",\"a\":null,\"zz\":\"q\",\"aa\":\"r\",\"b\":\"2\"},\"id\":\"x\",\"id\":\"y\"}",
                "{\"id\":5.50,\"name\":true,\"blueprint_id\":false,\"status\":12}",
                "{}")) {
            sameAsJsonb(json, DevboxView.class, null);
        }
        sameAsJsonb("{\"score\":-0.0,\"scoring_function_results\":[{\"score\":1E-7,\"output\":\"\"}]}",
                ai.runloop.model.scenarios.ScoringContractResultView.class, null);
        assertEquals(-0.0, readGenerated("{\"score\":-0.0}", ai.runloop.model.scenarios.ScoringContractResultView.class)
                .score());
    }

    @Test
    void leavesOtherShapesToJsonb() {
        // JSON-B converts these (a string for a number, a fraction for an integer, an array for a map) or
        // rejects them; the generated readers refuse them, so the codec asks JSON-B instead.
        for (String json : List.of("{\"create_time_ms\":\"5\"}", "{\"create_time_ms\":1.5}", "{\"create_time_ms\":1e3}",
                "{\"metadata\":[]}", "{\"id\":{}}", "{\"capabilities\":\"docker_in_docker\"}", "{\"status\":[]}",
                "{\"launch_parameters\":5}", "[]", "5")) {
            assertThrows(JsonReading.Mismatch.class, () -> readGenerated(json, DevboxView.class), json);
        }
        assertThrows(JsonReading.Mismatch.class, () -> readGenerated("{\"mounts\":[5]}", DevboxCreateParams.class));
        assertThrows(JsonReading.Mismatch.class, () -> readGenerated("{\"mounts\":{}}", DevboxCreateParams.class));
        assertThrows(JsonReading.Mismatch.class,
                () -> readGenerated("{\"file\":\"bytes\"}", ai.runloop.model.devboxes.DevboxUploadFileParams.class));
    }

    @Test
    void malformedJsonIsAJsonPException() {
        for (String json : List.of("{\"id\": ", "{\"id\":\"x\",}", "{\"id\" \"x\"}", "{\"capabilities\":[\"a\"", "")) {
            assertThrows(JsonException.class, () -> readGenerated(json, DevboxView.class), json);
        }
    }

    @Test
    void readsRealisticResponsesLikeJsonb() throws IOException {
        for (String[] file : new String[][] {{"devbox-view.json", DevboxView.class.getName()},
                {"blueprint-view.json", "ai.runloop.model.blueprints.BlueprintView"},
                {"object-view.json", "ai.runloop.model.objects.ObjectView"},
                {"scenario-run-view.json", "ai.runloop.model.scenarios.ScenarioRunView"},
                {"devbox-async-execution-detail-view.json", "ai.runloop.model.devboxes.DevboxAsyncExecutionDetailView"}}) {
            try (InputStream in = getClass().getResourceAsStream("/responses/" + file[0])) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Class<?> type;
                try {
                    type = Class.forName(file[1]);
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
                sameAsJsonb(json, type, null);
            }
        }
    }
}
