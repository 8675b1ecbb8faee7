package ai.runloop.emulator.internal.server;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Honours {@code x-request-id} on non-GET requests: the first successful answer for a key (method,
 * path, id) is stored and replayed for every later request with the same key, so a retried create
 * never makes a second resource. A request that arrives while the first is still being handled
 * waits for it. Failed answers are not stored: a retry after an error is handled afresh.
 */
public final class Idempotency implements Handler<RoutingContext> {

    private static final String ENTRY = "runloop.idempotency.entry";
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @Override
    public void handle(RoutingContext ctx) {
        String id = ctx.request().getHeader("x-request-id");
        if (id == null || id.isBlank() || ctx.request().method() == HttpMethod.GET) {
            ctx.next();
            return;
        }
        String key = ctx.request().method() + " " + ctx.request().path() + " " + id;
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
            if (entry == null) {
                Entry fresh = new Entry(key, this);
                entries.put(key, fresh);
                ctx.put(ENTRY, fresh);
                ctx.next();
                return;
            }
        }
        entry.whenSettled(ctx);
    }

    /** Called by {@link Replies} with the answer about to be sent. */
    static void record(RoutingContext ctx, int status, String contentType, Buffer body, MultiMap headers) {
        Entry entry = ctx.get(ENTRY);
        if (entry == null) {
            return;
        }
        ctx.remove(ENTRY);
        if (status >= 200 && status < 300) {
            entry.settle(new Stored(status, contentType, body.copy(), headers));
        } else {
            entry.forget();
        }
    }

    /**
     * Called when a request answers in a way that cannot be replayed (streams, files): later
     * requests with the same key are handled afresh.
     *
     * @param ctx the request
     */
    public static void notReplayable(RoutingContext ctx) {
        Entry entry = ctx.get(ENTRY);
        if (entry != null) {
            ctx.remove(ENTRY);
            entry.forget();
        }
    }

    private record Stored(int status, String contentType, Buffer body, MultiMap headers) {
    }

    private static final class Entry {
        private final String key;
        private final Idempotency owner;
        private final List<RoutingContext> waiting = new ArrayList<>();
        private Stored stored;
        private boolean forgotten;

        Entry(String key, Idempotency owner) {
            this.key = key;
            this.owner = owner;
        }

        void whenSettled(RoutingContext ctx) {
            Stored s;
            boolean gone;
            synchronized (this) {
                s = stored;
                gone = forgotten;
                if (s == null && !gone) {
                    waiting.add(ctx);
                    return;
                }
            }
            replay(ctx, s);
        }

        void settle(Stored s) {
            List<RoutingContext> w;
            synchronized (this) {
                stored = s;
                w = new ArrayList<>(waiting);
                waiting.clear();
            }
            w.forEach(c -> c.vertx().runOnContext(v -> replay(c, s)));
        }

        void forget() {
            synchronized (owner.entries) {
                owner.entries.remove(key);
            }
            List<RoutingContext> w;
            synchronized (this) {
                forgotten = true;
                w = new ArrayList<>(waiting);
                waiting.clear();
            }
            w.forEach(c -> c.vertx().runOnContext(v -> owner.handle(c)));
        }

        private void replay(RoutingContext ctx, Stored s) {
            if (s == null) {
                owner.handle(ctx);
                return;
            }
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            if (s.headers() != null) {
                headers.addAll(s.headers());
            }
            headers.add("x-idempotent-replay", "true");
            Replies.send(ctx, s.status(), s.contentType(), s.body(), headers);
        }
    }
}
