package ai.runloop.emulator.internal.resources;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Pages;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.server.Replies;
import ai.runloop.emulator.internal.util.Ids;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Storage objects. Create returns a presigned {@code upload_url} served by the emulator itself at
 * {@code /_presigned/objects/{id}} (no bearer token; an HMAC signature over method, id and expiry is
 * checked instead); download hands out a presigned GET URL the same way. TTLs expire lazily on access.
 */
final class ObjectRoutes implements Api {
    private static final Set<String> TYPES = Set.of("unspecified", "text", "binary", "gzip", "tar", "tgz");
    private static final String PRESIGNED = Api.STREAMED_BODY_PREFIX;
    private final Backend b;

    ObjectRoutes(Backend backend) {
        this.b = backend;
    }

    @Override
    public void register(Router r) {
        Api.json(r, POST, "/v1/objects", ctx -> {
            JsonObject body = Params.body(ctx);
            String name = Params.requiredString(body, "name");
            String type = Params.requiredString(body, "content_type");
            if (!TYPES.contains(type)) {
                throw ApiException.badRequest("content_type", "content_type must be one of " + TYPES);
            }
            Double ttl = Params.optNumber(body, "ttl_ms");
            String id = Ids.next("obj");
            long now = System.currentTimeMillis();
            JsonObject o = new JsonObject().put("id", id).put("name", name).put("content_type", type)
                    .put("create_time_ms", now).put("state", "UPLOADING")
                    .put("metadata", new JsonObject(Map.copyOf(Params.stringMap(body, "metadata"))));
            if (ttl != null) {
                o.put("delete_after_time_ms", now + ttl.longValue());
            }
            b.store("object").put(id, o);
            return Views.pub(o).put("upload_url", presign("PUT", id, now + 3_600_000));
        });
        Api.json(r, GET, "/v1/objects", ctx -> list(ctx, false));
        Api.json(r, GET, "/v1/objects/list_public", ctx -> list(ctx, true));
        Api.json(r, GET, "/v1/objects/:oid", ctx -> Views.pub(object(ctx)));
        Api.json(r, POST, "/v1/objects/:oid/complete", ctx -> {
            JsonObject o = object(ctx);
            if (!"UPLOADING".equals(o.getString("state"))) {
                throw ApiException.conflict("object " + o.getString("id") + " is " + o.getString("state"));
            }
            Path data = b.dir("objects", o.getString("id"));
            o.put("state", "READ_ONLY").put("size_bytes", Files.exists(data) ? data.toFile().length() : 0L);
            return Views.pub(o);
        });
        Api.json(r, GET, "/v1/objects/:oid/download", ctx -> {
            JsonObject o = object(ctx);
            if (!"READ_ONLY".equals(o.getString("state"))) {
                throw ApiException.conflict("object " + o.getString("id") + " is " + o.getString("state"));
            }
            long seconds = Params.queryLong(ctx, "duration_seconds", 3600, 1, 7 * 24 * 3600);
            return new JsonObject().put("download_url",
                    presign("GET", o.getString("id"), System.currentTimeMillis() + seconds * 1000));
        });
        Api.json(r, POST, "/v1/objects/:oid/delete", ctx -> {
            JsonObject o = object(ctx);
            delete(o);
            return Views.pub(o);
        });
        Api.raw(r, PUT, PRESIGNED + ":oid", ctx -> {
            // Streamed to disk (the body handler skips this path, see Api.STREAMED_BODY_PREFIX): buffering a
            // whole object in memory made a 1 GiB upload cost the emulator gigabytes and most of the time.
            HttpServerRequest request = ctx.request();
            request.pause();
            JsonObject o = presigned(ctx, "PUT");
            if (!"UPLOADING".equals(o.getString("state"))) {
                Replies.error(ctx, new ApiException(403, "upload URL no longer valid", null));
                return;
            }
            Path file = b.dir("objects", o.getString("id"));
            Path part = file.resolveSibling(file.getFileName() + ".part");
            FileSystem fs = b.vertx.fileSystem();
            fs.mkdirs(file.getParent().toString())
                    .compose(v -> fs.open(part.toString(), new OpenOptions().setWrite(true).setCreate(true)
                            .setTruncateExisting(true)))
                    .compose(target -> request.isEnded() ? target.close() : request.pipeTo(target))
                    .compose(v -> fs.move(part.toString(), file.toString(), new CopyOptions().setReplaceExisting(true)))
                    .onComplete(res -> {
                        if (res.succeeded()) {
                            Replies.send(ctx, 200, "text/plain", Buffer.buffer(), null);
                        } else {
                            fs.delete(part.toString());
                            Replies.error(ctx, new ApiException(500, "upload failed: " + res.cause().getMessage(), null));
                        }
                    });
        });
        Api.raw(r, GET, PRESIGNED + ":oid", ctx -> {
            JsonObject o = presigned(ctx, "GET");
            Path file = b.dir("objects", o.getString("id"));
            boolean faulty = ctx.get(Replies.CUT_AFTER) != null || Boolean.TRUE.equals(ctx.get(Replies.LOSE_RESPONSE));
            if (!faulty && Files.isRegularFile(file)) {
                // Streamed from disk; injected response faults take the buffered path below.
                ctx.response().setStatusCode(200).putHeader("content-type", "application/octet-stream")
                        .sendFile(file.toString());
                return;
            }
            b.vertx.executeBlocking(() -> Files.exists(file) ? Files.readAllBytes(file) : new byte[0], false)
                    .onComplete(res -> Replies.bytes(ctx, "application/octet-stream", Buffer.buffer(res.result())));
        });
    }

    private String presign(String method, String id, long expires) {
        return b.baseUrl() + PRESIGNED + id + "?expires=" + expires + "&signature=" + b.signer.sign(method + " " + id + " " + expires);
    }

    private JsonObject presigned(RoutingContext ctx, String method) {
        String id = ctx.pathParam("oid");
        String expires = Params.query(ctx, "expires");
        if (expires == null || !b.signer.verify(method + " " + id + " " + expires, Params.query(ctx, "signature"))) {
            throw new ApiException(403, "signature does not match", null);
        }
        if (Long.parseLong(expires) < System.currentTimeMillis()) {
            throw new ApiException(403, "URL expired", null);
        }
        return object(ctx);
    }

    private JsonObject object(RoutingContext ctx) {
        JsonObject o = b.store("object").get(ctx.pathParam("oid"));
        expire(o);
        if ("DELETED".equals(o.getString("state"))) {
            throw ApiException.notFound("object", o.getString("id"));
        }
        return o;
    }

    private void expire(JsonObject o) {
        Long after = o.getLong("delete_after_time_ms");
        if (after != null && after <= System.currentTimeMillis() && !"DELETED".equals(o.getString("state"))) {
            delete(o);
        }
    }

    private void delete(JsonObject o) {
        o.put("state", "DELETED");
        Path file = b.dir("objects", o.getString("id"));
        b.vertx.executeBlocking(() -> Files.deleteIfExists(file), false);
    }

    private JsonObject list(RoutingContext ctx, boolean publicOnly) {
        String type = Params.query(ctx, "content_type");
        String name = Params.query(ctx, "name");
        String search = Params.query(ctx, "search");
        String state = Params.query(ctx, "state");
        var all = b.store("object").list(o -> {
            expire(o);
            return !publicOnly && Views.eq(type, o.getString("content_type")) && Views.eq(name, o.getString("name"))
                    && Views.contains(search, o.getString("name"))
                    && (state != null ? state.equals(o.getString("state")) : !"DELETED".equals(o.getString("state")));
        });
        return Pages.page(ctx, all, o -> o.getString("id"), "objects", Views::pub);
    }
}
