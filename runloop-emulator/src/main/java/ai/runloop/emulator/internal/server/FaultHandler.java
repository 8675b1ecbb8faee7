package ai.runloop.emulator.internal.server;

import ai.runloop.emulator.FaultPlan;
import ai.runloop.emulator.FaultRule;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Applies the {@link FaultPlan} to each request before anything else: latency by a timer (never by
 * blocking), then an error status, a dropped connection, or marks for response-side faults.
 */
final class FaultHandler implements Handler<RoutingContext> {

    private final FaultPlan plan;

    FaultHandler(FaultPlan plan) {
        this.plan = plan;
    }

    @Override
    public void handle(RoutingContext ctx) {
        FaultPlan.Decision d = plan.decide(ctx.request().method().name(), ctx.request().path());
        if (d.latencyMillis() > 0) {
            ctx.request().pause();
            ctx.vertx().setTimer(d.latencyMillis(), t -> {
                ctx.request().resume();
                apply(ctx, d);
            });
        } else {
            apply(ctx, d);
        }
    }

    private static void apply(RoutingContext ctx, FaultPlan.Decision d) {
        if (!d.faulty()) {
            ctx.next();
            return;
        }
        FaultRule rule = d.rule();
        switch (d.effect()) {
            case STATUS -> {
                MultiMap headers = MultiMap.caseInsensitiveMultiMap();
                if (rule.retryAfterSeconds() != null) {
                    headers.add("Retry-After", String.valueOf(rule.retryAfterSeconds()));
                }
                if (rule.retryAfterMillis() != null) {
                    headers.add("retry-after-ms", String.valueOf(rule.retryAfterMillis()));
                }
                headers.add("x-emulator-fault", "status");
                JsonObject body = new JsonObject().put("code", d.status())
                        .put("message", "injected fault: status " + d.status());
                ctx.response().setStatusCode(d.status()).putHeader("content-type", "application/json");
                ctx.response().headers().addAll(headers);
                ctx.response().end(Buffer.buffer(body.encode()));
            }
            case DROP_CONNECTION -> Replies.abort(ctx);
            case LOSE_RESPONSE -> {
                ctx.put(Replies.LOSE_RESPONSE, Boolean.TRUE);
                ctx.next();
            }
            case CUT_STREAM -> {
                ctx.put(Replies.CUT_AFTER, rule.cutAfterBytes());
                ctx.next();
            }
            default -> ctx.next();
        }
    }
}
