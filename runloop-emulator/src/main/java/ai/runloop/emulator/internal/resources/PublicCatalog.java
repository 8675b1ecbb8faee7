package ai.runloop.emulator.internal.resources;

import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.util.Ids;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small public catalog every emulator starts with, so {@code list_public} endpoints answer with
 * real items: one public blueprint (built, empty template), agent, scenario (scored by
 * {@code echo 1}), benchmark (holding that scenario) and storage object. Public items are listed only
 * by {@code list_public}, can be retrieved and used by id, and cannot be changed or deleted.
 */
final class PublicCatalog {
    private PublicCatalog() {
    }

    static void seed(Backend b) {
        long now = System.currentTimeMillis();
        try {
            String bp = Ids.next("bpt");
            Files.createDirectories(b.dir("blueprints", bp));
            b.store("blueprint").put(bp, new JsonObject().put("id", bp).put("name", "runloop-public-starter").put("create_time_ms", now)
                    .put("parameters", new JsonObject().put("name", "runloop-public-starter")).put("state", "created")
                    .put("status", "build_complete").put("build_finish_time_ms", now).put("is_public", true)
                    .put("metadata", new JsonObject()).put("_logs", new JsonArray()));

            String agent = Ids.next("agt");
            b.store("agent").put(agent, new JsonObject().put("id", agent).put("name", "runloop-public-agent").put("create_time_ms", now)
                    .put("is_public", true).put("version", "1.0.0").put("source", new JsonObject().put("type", "npm")
                            .put("npm", new JsonObject().put("package_name", "@runloop/example-agent"))));

            String scenario = Ids.next("scn");
            b.store("scenario").put(scenario, new JsonObject().put("id", scenario).put("name", "runloop-public-hello")
                    .put("status", "active").put("is_public", true).put("metadata", new JsonObject())
                    .put("input_context", new JsonObject().put("problem_statement", "Print hello."))
                    .put("scoring_contract", new JsonObject().put("scoring_function_parameters", new JsonArray()
                            .add(new JsonObject().put("name", "always").put("weight", 1.0)
                                    .put("scorer", new JsonObject().put("type", "bash_script_scorer").put("bash_script", "echo 1"))))));

            String bench = Ids.next("bmd");
            b.store("benchmark").put(bench, new JsonObject().put("id", bench).put("name", "runloop-public-bench").put("status", "active")
                    .put("is_public", true).put("metadata", new JsonObject()).put("scenarioIds", new JsonArray().add(scenario))
                    .put("required_environment_variables", new JsonArray()).put("required_secret_names", new JsonArray()));

            String obj = Ids.next("obj");
            Path data = b.dir("objects", obj);
            Files.createDirectories(data.getParent());
            byte[] text = "A public object served by the Runloop emulator.\n".getBytes(StandardCharsets.UTF_8);
            Files.write(data, text);
            b.store("object").put(obj, new JsonObject().put("id", obj).put("name", "runloop-public-readme.txt").put("content_type", "text")
                    .put("create_time_ms", now).put("state", "READ_ONLY").put("size_bytes", (long) text.length)
                    .put("metadata", new JsonObject()).put("_public", true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seed the public catalog", e);
        }
    }
}
