package ai.runloop.emulator.internal.server;

import ai.runloop.emulator.FaultPlan;
import ai.runloop.emulator.internal.devbox.DevboxLifecycle;
import ai.runloop.emulator.internal.devbox.DevboxRoutes;
import ai.runloop.emulator.internal.exec.ExecRoutes;
import ai.runloop.emulator.internal.faults.FaultAdminRoutes;
import ai.runloop.emulator.internal.files.FileRoutes;
import ai.runloop.emulator.internal.resources.ResourceRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wires the emulator: one Vert.x HTTP server on the configured address (127.0.0.1 by default) speaking HTTP/1.1 and cleartext HTTP/2,
 * and a router whose handlers run in this order: body, faults, auth, idempotency, API routes.
 */
public final class EmulatorServer implements AutoCloseable {
    /** Largest multipart upload (file parts stream to disk). */
    private static final long MAX_UPLOAD = 16L << 30;
    /** Largest other request body (held in memory). */
    private static final long MAX_BUFFERED = 64L << 20;
    private final Vertx vertx;
    private final HttpServer server;
    private final Backend backend;

    private EmulatorServer(Vertx vertx, HttpServer server, Backend backend) {
        this.vertx = vertx;
        this.server = server;
        this.backend = backend;
    }

    /**
     * Starts a server and waits until it listens.
     *
     * @param config settings
     * @param faults the live fault plan
     * @return the running server
     */
    public static EmulatorServer start(EmulatorConfig config, FaultPlan faults) {
        Wire.warmUp();
        Vertx vertx = Vertx.vertx();
        Backend backend = new Backend(vertx, config, faults);
        try {
            Router router = router(backend);
            // Body chunks as large as a socket read (64 KiB), not the decoder's default 8 KiB: a 1 GiB upload
            // is then 16 thousand chunks to queue and write rather than 131 thousand.
            HttpServerOptions options = new HttpServerOptions().setHost(config.bind()).setPort(config.port())
                    .setUseAlpn(false).setHttp2ClearTextEnabled(true).setMaxChunkSize(64 * 1024);
            HttpServer server = vertx.createHttpServer(options).requestHandler(router).listen()
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            backend.port(server.actualPort());
            return new EmulatorServer(vertx, server, backend);
        } catch (Exception e) {
            backend.close();
            vertx.close();
            throw new IllegalStateException("cannot start the emulator on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    private static Router router(Backend b) {
        Router router = Router.router(b.vertx);
        // Multipart file parts stream to the uploads folder; the presigned PUT streams its body itself
        // (Streams.receiveToFile), so it skips the body handler and stays paused until its handler runs.
        BodyHandler bodies = BodyHandler.create(b.config.root().resolve("uploads").toString())
                .setDeleteUploadedFilesOnEnd(true).setBodyLimit(MAX_UPLOAD);
        router.route().handler(ctx -> {
            if (ctx.request().method() == io.vertx.core.http.HttpMethod.PUT && ctx.request().path().startsWith("/_presigned/")) {
                ctx.request().pause();
                // Answered before its body was read (a fault, a bad signature): drop the rest of the body and the
                // connection after the answer, as servers do, so a client still sending is not left stalled.
                ctx.addHeadersEndHandler(v -> {
                    if (!ctx.request().isEnded()) {
                        ctx.response().putHeader(io.vertx.core.http.HttpHeaders.CONNECTION, "close");
                        ctx.request().handler(ignored -> { }).resume();
                    }
                });
                ctx.next();
                return;
            }
            String type = ctx.request().getHeader("content-type");
            String length = ctx.request().getHeader("content-length");
            boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
            if (!multipart && length != null && length.length() < 19 && Long.parseLong(length.trim()) > MAX_BUFFERED) {
                // only multipart file parts go to disk; anything else would be held in memory
                Replies.error(ctx, new ApiException(413, "request body too large (max " + MAX_BUFFERED + " bytes unless multipart)", null));
                return;
            }
            bodies.handle(ctx);
        });
        router.get("/_emulator/health").handler(ctx -> Replies.json(ctx, new JsonObject().put("status", "ok")));
        FaultHandler faults = new FaultHandler(b.faults);
        router.route().handler(ctx -> {
            if (ctx.request().path().startsWith("/_emulator/")) {
                ctx.next();
            } else {
                faults.handle(ctx);
            }
        });
        AuthHandler auth = new AuthHandler(b.config.token());
        router.route("/v1/*").handler(auth);
        router.route("/pty/*").handler(auth);
        router.route("/_emulator/faults*").handler(auth);
        router.route("/_emulator/evictions").handler(auth);
        router.route().handler(new Idempotency());
        DevboxLifecycle lifecycle = new DevboxLifecycle(b);
        List<Api> apis = List.of(new FaultAdminRoutes(b.faults), new ResourceRoutes(b, lifecycle),
                new DevboxRoutes(b, lifecycle), new ExecRoutes(b, lifecycle), new FileRoutes(b));
        apis.forEach(api -> api.register(router));
        router.route().handler(ctx -> Replies.error(ctx, new ApiException(404,
                "no such endpoint: " + ctx.request().method() + " " + ctx.request().path(), null)));
        router.route().failureHandler(ctx -> {
            Throwable t = ctx.failure();
            if (t instanceof ApiException api) {
                Replies.error(ctx, api);
            } else if (t != null) {
                Replies.error(ctx, new ApiException(500, "emulator error: " + t, null));
            } else {
                int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
                Replies.error(ctx, new ApiException(status, "request failed with status " + status, null));
            }
        });
        return router;
    }

    /** @return the bound port */
    public int port() {
        return server.actualPort();
    }

    /** Stops serving, ends every process and closes Vert.x. */
    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        backend.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort
        }
    }
}
