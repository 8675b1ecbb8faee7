package ai.runloop.emulator.internal.server;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Requires {@code Authorization: Bearer <token>}; answers 401 in the API's error shape otherwise. */
final class AuthHandler implements Handler<RoutingContext> {

    private final byte[] expected;

    AuthHandler(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null) {
            Replies.error(ctx, new ApiException(401, "missing bearer token (Authorization: Bearer <api key>)", null));
            return;
        }
        if (!MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8))) {
            Replies.error(ctx, new ApiException(401, "invalid API key", null));
            return;
        }
        ctx.next();
    }
}
