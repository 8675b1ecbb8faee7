package ai.runloop.model.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every model record: random instances survive record → JSON → record unchanged, and extra unknown
 * JSON fields change nothing. The random instances include unknown enum values and unknown union
 * variants (see {@link RandomModels}), so those are proven to survive a round trip too.
 */
class ModelRoundTripPropertyTest {
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final int EXAMPLES = 25;

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    static Stream<Class<?>> records() {
        return ModelCatalog.BY_SPEC_NAME.values().stream().filter(Class::isRecord)
                .sorted(java.util.Comparator.comparing(Class::getName));
    }

    @TestFactory
    Stream<DynamicTest> everyRecordRoundTripsThroughJson() {
        return records().map(type -> DynamicTest.dynamicTest(type.getName(), () -> roundTrips(type)));
    }

    @TestFactory
    Stream<DynamicTest> unknownFieldsChangeNothing() {
        return records().map(type -> DynamicTest.dynamicTest(type.getName(), () -> ignoresUnknownFields(type)));
    }

    private static <T> void roundTrips(Class<T> type) {
        qt().withExamples(EXAMPLES).withFixedSeed(type.getName().hashCode()).forAll(RandomModels.of(type))
                .checkAssert(value -> {
                    String json = JSONB.toJson(value);
                    assertEquals(value, JSONB.fromJson(json, type), () -> "JSON was " + json);
                });
    }

    private static <T> void ignoresUnknownFields(Class<T> type) {
        qt().withExamples(EXAMPLES / 2).withFixedSeed(31L * type.getName().hashCode()).forAll(RandomModels.of(type))
                .checkAssert(value -> {
                    JsonObject written = Json.createReader(new StringReader(JSONB.toJson(value))).readObject();
                    JsonObjectBuilder extended = Json.createObjectBuilder(written)
                            .add("zz_field_from_a_newer_server", Json.createObjectBuilder()
                                    .add("nested", Json.createArrayBuilder().add(1).add("two").addNull()))
                            .add("zz_flag", true)
                            .addNull("zz_nothing");
                    String json = extended.build().toString();
                    assertEquals(value, JSONB.fromJson(json, type), () -> "JSON was " + json);
                });
    }
}
