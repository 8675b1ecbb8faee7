package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.emulator.junit.EmulatorToken;
import ai.runloop.emulator.junit.EmulatorUrl;
import ai.runloop.emulator.junit.RunloopEmulatorTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@RunloopEmulatorTest
class ServerCoreTest {

    @Test
    void rejectsMissingAndWrongTokenWithJsonError(@EmulatorUrl String url) {
        Http wrong = new Http(URI.create(url), "not-the-token", HttpClient.Version.HTTP_1_1);
        HttpResponse<String> r = wrong.get("/v1/devboxes");
        assertEquals(401, r.statusCode());
        assertEquals(401, new JsonObject(r.body()).getInteger("code"));
        HttpResponse<String> none = wrong.send(HttpRequest.newBuilder(URI.create(url + "/v1/devboxes")).GET().build());
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    }

    @Test
    void unknownIdIs404AndBadFieldIs400NamingIt(RunloopEmulator emulator) {
        Http http = new Http(emulator);
        HttpResponse<String> missing = http.get("/v1/devboxes/dbx_nope");
        assertEquals(404, missing.statusCode());
        HttpResponse<String> bad = http.post("/v1/devboxes", new JsonObject().put("environment_variables", "x"));
        assertEquals(400, bad.statusCode());
        assertEquals("environment_variables", new JsonObject(bad.body()).getString("param"));
    }

    @Test
    void servesH2cUpgradeFromJdkClient(URI base, @EmulatorToken String token) {
        Http h2 = new Http(base, token, HttpClient.Version.HTTP_2);
        HttpResponse<String> r = h2.get("/v1/devboxes");
        assertEquals(200, r.statusCode());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
    }

    @Test
    void servesHttp2WithPriorKnowledge(URI base, @EmulatorToken String token) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            var client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false));
            var result = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                            .setPort(base.getPort()).setURI("/v1/devboxes").putHeader("Authorization", "Bearer " + token))
                    .compose(req -> req.send().compose(resp -> resp.body().map(body -> resp.version() + " "
                            + resp.statusCode() + " " + body)))
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertTrue(result.startsWith("HTTP_2 200 "), result);
            assertTrue(result.contains("\"devboxes\""), result);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void bindsLoopbackOnly(RunloopEmulator emulator) {
        assertEquals("127.0.0.1", emulator.baseUrl().getHost());
        assertTrue(emulator.port() > 0);
    }
}
