package ai.runloop.api.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.runloop.model.devboxes.DevboxListView;
import ai.runloop.model.devboxes.DevboxStatus;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.model.shared.LaunchParameters;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
    private final JsonCodec codec = JsonCodec.get();

    private static DevboxView devbox(int i) {
        return DevboxView.builder().id("dbx_" + i).status(DevboxStatus.RUNNING).createTimeMs(1_764_000_000_000L + i)
                .capabilities(List.of()).metadata(Map.of("i", Integer.toString(i)))
                .launchParameters(LaunchParameters.builder().keepAliveTimeSeconds(60).build())
                .stateTransitions(List.of()).build();
    }

    @Test
    void isOneSharedInstance() {
        assertSame(JsonCodec.get(), JsonCodec.get());
    }

    @Test
    void readsAndWritesRecordsOnTheModulePath() {
        DevboxListView page = DevboxListView.builder().devboxes(List.of(devbox(1), devbox(2))).hasMore(true).build();
        byte[] json = codec.toBytes(page);
        assertEquals(page, codec.fromJson(json, DevboxListView.class));
        assertEquals("dbx_2", codec.readObject(new String(json, StandardCharsets.UTF_8))
                .getJsonArray("devboxes").getJsonObject(1).getString("id"));
    }

    @Test
    void malformedJsonIsAJsonbException() {
        assertThrows(JsonbException.class, () -> codec.fromJson("{\"id\": ", DevboxView.class));
    }

    @Test
    void oddShapesAndErrorsAreJsonbsOwn() throws Exception {
        // The generated readers leave these to JSON-B: its conversions and its errors, messages included.
        try (Jsonb plain = JsonbBuilder.create()) {
            for (String json : List.of("{\"id\":\"d\",\"create_time_ms\":\"5\"}", "{\"id\":\"d\",\"create_time_ms\":1e3}",
                    "{\"id\":\"d\",\"metadata\":[]}", "{\"id\":\"d\",\"launch_parameters\":{\"keep_alive_time_seconds\":\"60\"}}")) {
                assertEquals(plain.fromJson(json, DevboxView.class), codec.fromJson(json, DevboxView.class), json);
                assertEquals(plain.fromJson(json, DevboxView.class),
                        codec.fromJson(json.getBytes(StandardCharsets.UTF_8), DevboxView.class), json);
            }
            for (String json : List.of("{\"id\": ", "{\"id\":{}}", "{\"capabilities\":\"x\"}", "[]", "{\"id\":\"d\",}",
                    "{\"status\":[]}")) {
                JsonbException expected = assertThrows(JsonbException.class, () -> plain.fromJson(json, DevboxView.class));
                JsonbException actual = assertThrows(JsonbException.class, () -> codec.fromJson(json, DevboxView.class));
                assertEquals(expected.getMessage(), actual.getMessage(), json);
            }
        }
    }

    @Test
    void readsRecordsAsJsonbDoes() throws Exception {
        String json = "{\"id\":\"dbx_1\",\"status\":\"hibernating\",\"zz_unknown\":{\"a\":[1,{}]},"
                + "\"metadata\":{\"b\":\"2\",\"a\":\"1\"},\"capabilities\":[],\"create_time_ms\":1764000000000,"
                + "\"state_transitions\":[{\"status\":\"running\",\"transition_time_ms\":1}],\"end_time_ms\":null}";
        try (Jsonb plain = JsonbBuilder.create()) {
            DevboxView expected = plain.fromJson(json, DevboxView.class);
            DevboxView actual = codec.fromJson(json.getBytes(StandardCharsets.UTF_8), DevboxView.class);
            assertEquals(expected, actual);
            assertEquals(expected.toString(), actual.toString());
            assertEquals("hibernating", actual.status().value());
        }
        assertEquals(null, codec.fromJson("null", DevboxView.class));
    }

    @Test
    void isSafeToShareAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                tasks.add(() -> devbox(n).equals(codec.fromJson(codec.toJson(devbox(n)), DevboxView.class)));
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertEquals(true, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
