package ai.runloop.emulator.internal.faults;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.FaultPlan;
import ai.runloop.emulator.FaultRule;
import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Params;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;

/**
 * The admin route {@code /_emulator/faults} (a path the API never uses; bearer token required):
 * {@code GET} lists the rules with their hit counts, {@code POST} adds a rule, {@code DELETE} removes
 * them all, {@code POST /_emulator/faults/seed} sets the seed. A rule is JSON such as
 * {@code {"method":"POST","path":"/v1/devboxes","sequence":[503,0],"retry_after_seconds":1}}; see
 * {@link #parse(JsonObject)} for every key.
 */
public final class FaultAdminRoutes implements Api {
    /** Path of the admin route. */
    public static final String PATH = "/_emulator/faults";

    private final FaultPlan plan;

    /** @param plan the live plan */
    public FaultAdminRoutes(FaultPlan plan) {
        this.plan = plan;
    }

    @Override
    public void register(Router r) {
        Api.json(r, GET, PATH, ctx -> {
            JsonArray rules = new JsonArray();
            List<FaultRule> all = plan.rules();
            List<Integer> hits = plan.hits();
            List<Integer> injected = plan.injected();
            for (int i = 0; i < all.size(); i++) {
                FaultRule f = all.get(i);
                rules.add(new JsonObject().put("method", f.method()).put("path", f.pathPattern())
                        .put("effect", f.effect().name()).put("hits", hits.get(i)).put("injected", injected.get(i)).put("description", f.toString()));
            }
            return new JsonObject().put("seed", plan.seed()).put("rules", rules);
        });
        Api.json(r, POST, PATH, ctx -> {
            FaultRule rule = parse(Params.body(ctx));
            plan.add(rule);
            return new JsonObject().put("added", rule.toString());
        });
        Api.json(r, DELETE, PATH, ctx -> {
            plan.clear();
            return new JsonObject().put("rules", new JsonArray());
        });
        Api.json(r, POST, PATH + "/seed", ctx -> {
            Double seed = Params.optNumber(Params.body(ctx), "seed");
            if (seed == null) {
                throw ApiException.badRequest("seed", "seed is required");
            }
            plan.reseed(seed.longValue());
            return new JsonObject().put("seed", plan.seed());
        });
    }

    /**
     * Keys: {@code method} (default {@code *}), {@code path} (required, {@code *}/{@code **} wildcards),
     * one of {@code status}, {@code sequence}, {@code drop_connection}, {@code lose_response},
     * {@code cut_stream_after_bytes}; and optionally {@code probability}, {@code times},
     * {@code retry_after_seconds}, {@code retry_after_ms}, {@code latency_ms}.
     *
     * @param j the JSON
     * @return the rule
     */
    public static FaultRule parse(JsonObject j) {
        try {
            String method = j.getString("method", "*");
            FaultRule.Builder b = FaultRule.on(method, Params.requiredString(j, "path"));
            if (j.containsKey("status")) {
                b.status(j.getInteger("status"));
            }
            if (j.containsKey("sequence")) {
                JsonArray seq = j.getJsonArray("sequence");
                int[] codes = new int[seq.size()];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = seq.getInteger(i);
                }
                b.sequence(codes);
            }
            if (j.getBoolean("drop_connection", false)) {
                b.dropConnection();
            }
            if (j.getBoolean("lose_response", false)) {
                b.loseResponse();
            }
            if (j.containsKey("cut_stream_after_bytes")) {
                b.cutStreamAfterBytes(j.getLong("cut_stream_after_bytes"));
            }
            if (j.containsKey("probability")) {
                b.probability(j.getDouble("probability"));
            }
            if (j.containsKey("times")) {
                b.times(j.getInteger("times"));
            }
            if (j.containsKey("retry_after_seconds")) {
                b.retryAfterSeconds(j.getLong("retry_after_seconds"));
            }
            if (j.containsKey("retry_after_ms")) {
                b.retryAfterMillis(j.getLong("retry_after_ms"));
            }
            if (j.containsKey("latency_ms")) {
                b.latency(Duration.ofMillis(j.getLong("latency_ms")));
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw ApiException.badRequest("rule", "invalid fault rule: " + e.getMessage());
        }
    }
}
