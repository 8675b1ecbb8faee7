package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/** A tiny plain-HTTP client for tests: JSON in, JSON out, no SDK involved. */
final class Http {
    final HttpClient client;
    final URI base;
    final String token;

    Http(RunloopEmulator emulator) {
        this(emulator.baseUrl(), emulator.token(), HttpClient.Version.HTTP_1_1);
    }

    Http(URI base, String token, HttpClient.Version version) {
        this.client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.token = token;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, JsonObject body) {
        return send(request(path).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.encode())).build());
    }

    JsonObject getOk(String path) {
        return ok(get(path));
    }

    JsonObject postOk(String path, JsonObject body) {
        return ok(post(path, body));
    }

    static JsonObject ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), () -> "body: " + r.body());
        return new JsonObject(r.body());
    }

    /** Creates a devbox and long-polls until it runs. */
    JsonObject runningDevbox(JsonObject params) {
        JsonObject d = postOk("/v1/devboxes", params);
        return awaitStatus(d.getString("id"), "running");
    }

    JsonObject awaitStatus(String id, String status) {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = post("/v1/devboxes/" + id + "/wait_for_status",
                    new JsonObject().put("statuses", new io.vertx.core.json.JsonArray().add(status).add("failure")));
            if (r.statusCode() == 200) {
                JsonObject d = new JsonObject(r.body());
                assertEquals(status, d.getString("status"), () -> "devbox: " + d.encodePrettily());
                return d;
            }
            assertEquals(408, r.statusCode(), r::body);
        }
        throw new AssertionError("devbox never reached " + status);
    }

    /** Runs a command and waits for it to complete. */
    JsonObject exec(String devboxId, String command, String shell) {
        JsonObject body = new JsonObject().put("command", command);
        if (shell != null) {
            body.put("shell_name", shell);
        }
        JsonObject e = postOk("/v1/devboxes/" + devboxId + "/execute_async", body);
        return awaitExec(devboxId, e.getString("execution_id"));
    }

    JsonObject awaitExec(String devboxId, String execId) {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = post("/v1/devboxes/" + devboxId + "/executions/" + execId + "/wait_for_status",
                    new JsonObject().put("statuses", new io.vertx.core.json.JsonArray().add("completed")));
            if (r.statusCode() == 200) {
                return new JsonObject(r.body());
            }
            assertEquals(408, r.statusCode(), r::body);
        }
        throw new AssertionError("execution never completed");
    }

    /** Polls the emulator until a condition holds (20 s deadline). */
    static void eventuallyOk(java.util.function.BooleanSupplier condition) throws Exception {
        eventually(condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Polls the emulator until the value satisfies {@code done} (20 s deadline). @return the value */
    static <T> T eventuallyGet(Callable<T> probe, java.util.function.Predicate<T> done) throws Exception {
        return eventually(probe, done);
    }

    /** Polls a condition against an external process until a deadline. */
    static <T> T eventually(Callable<T> probe, java.util.function.Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = probe.call();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached; last value: " + last);
            }
            Thread.onSpinWait();
            last = probe.call();
        }
        return last;
    }
}
