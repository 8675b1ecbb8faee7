package ai.runloop.emulator.internal.devbox;

import ai.runloop.emulator.internal.server.Wire;
import ai.runloop.model.devboxes.DevboxEvictionEventView;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The account-wide stream of pending infrastructure evictions ({@code GET /v1/devboxes/evictions/watch}).
 * The emulator never evicts on its own; an eviction is announced when a test asks for one through the
 * admin route {@code POST /_emulator/evictions}. Streams stay open until the client leaves.
 */
public final class Evictions {
    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    private record Subscriber(Context context, HttpServerResponse response) {
    }

    /** Opens an SSE stream for the request. @param ctx the request */
    public void watch(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
        response.write(": watching evictions\n\n");
        Subscriber s = new Subscriber(ctx.vertx().getOrCreateContext(), response);
        subscribers.add(s);
        response.closeHandler(v -> subscribers.remove(s));
    }

    /**
     * Announces an eviction to every open stream.
     *
     * @param devboxId the devbox to be evicted
     * @param deadlineMs epoch ms after which it would be suspended
     * @return how many streams were told
     */
    public int announce(String devboxId, long deadlineMs) {
        String event = "data: " + Wire.json(DevboxEvictionEventView.builder().devboxId(devboxId)
                .evictionDeadlineMs(deadlineMs).build()).encode() + "\n\n";
        int n = 0;
        for (Subscriber s : subscribers) {
            n++;
            s.context().runOnContext(v -> {
                if (!s.response().closed() && !s.response().ended()) {
                    s.response().write(event);
                }
            });
        }
        return n;
    }
}
