package ai.runloop.api.internal;

import ai.runloop.api.RequestOptions;
import ai.runloop.api.internal.json.JsonCodec;
import ai.runloop.api.spi.RequestBody;
import ai.runloop.model.support.BinaryContent;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an operation, its path arguments, its params record and the call's options into a URL and a
 * body: query params by the reference's list, path params left out of the body, every other field in
 * the JSON body (or the multipart form for uploads).
 */
final class RequestEncoder {
    private static final JsonCodec CODEC = JsonCodec.get();

    private RequestEncoder() {
    }

    /**
     * @param base     the API's base URL, split once per client into its origin and its path
     * @param endpoint the operation
     * @param pathArgs values of the path placeholders
     * @param params   the params record, or null
     * @param options  per-call options
     * @return the origin, request target and body
     */
    static EncodedRequest encode(BaseUrl base, Endpoint endpoint, List<String> pathArgs, Object params,
                                 RequestOptions options) {
        List<String> names = endpoint.pathParams();
        if (names.size() != pathArgs.size()) {
            throw new IllegalArgumentException(endpoint.operation() + " takes " + names + " in its path but got "
                    + pathArgs.size() + " value(s)");
        }
        StringBuilder path = new StringBuilder(base.path());
        String template = endpoint.pathTemplate();
        int from = 0;
        for (int i = 0; i < names.size(); i++) {
            String value = pathArgs.get(i);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(endpoint.operation() + ": " + names.get(i) + " must not be "
                        + (value == null ? "null" : "empty"));
            }
            String placeholder = "{" + names.get(i) + "}";
            int at = template.indexOf(placeholder, from);
            path.append(template, from, at).append(PercentEncoding.segment(value));
            from = at + placeholder.length();
        }
        path.append(template.substring(from));

        if (params == null && options.extraQuery().isEmpty() && options.extraBody().isEmpty() && !endpoint.multipart()) {
            // Nothing to encode (a plain GET or DELETE of a resource): no JSON work at all.
            // Origin and target as they are: no java.net.URI is built (nor parsed) for the request.
            String resourceId = pathArgs.isEmpty() ? null : pathArgs.get(0);
            return new EncodedRequest(base.origin(), path.toString(), endpoint.method(), RequestBody::empty, true,
                    resourceId);
        }
        JsonObject fields = params == null ? JsonValue.EMPTY_JSON_OBJECT : CODEC.readObject(CODEC.toJson(params));
        StringBuilder query = new StringBuilder();
        JsonObjectBuilder body = CODEC.provider().createObjectBuilder();
        for (Map.Entry<String, JsonValue> field : fields.entrySet()) {
            if (options.extraQuery().containsKey(field.getKey())) {
                continue; // the per-call value replaces the params' one (e.g. a stream's resume offset)
            }
            if (endpoint.queryNames().contains(field.getKey())) {
                appendQuery(query, field.getKey(), queryText(field.getValue()));
            } else if (!names.contains(field.getKey())) {
                body.add(field.getKey(), field.getValue());
            }
        }
        options.extraQuery().forEach((k, v) -> appendQuery(query, k, v));
        options.extraBody().forEach(body::add);
        JsonObject json = body.build();

        URI uri = base.origin();
        String target = path + (query.length() == 0 ? "" : "?" + query);
        String resourceId = pathArgs.isEmpty() ? null : pathArgs.get(0);
        if (endpoint.multipart()) {
            return multipart(uri, target, endpoint, params, json, resourceId);
        }
        boolean hasBody = !endpoint.method().equals("GET") && (params != null || !json.isEmpty());
        if (!hasBody) {
            return new EncodedRequest(uri, target, endpoint.method(), RequestBody::empty, true, resourceId);
        }
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        return new EncodedRequest(uri, target, endpoint.method(), () -> RequestBody.ofBytes(bytes, "application/json"),
                true, resourceId);
    }

    private static void appendQuery(StringBuilder query, String name, String value) {
        if (value == null) {
            return;
        }
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(PercentEncoding.query(name)).append('=').append(PercentEncoding.query(value));
    }

    private static String queryText(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).toString();
            case TRUE -> "true";
            case FALSE -> "false";
            case NULL -> null;
            default -> value.toString();
        };
    }

    /** multipart/form-data: each JSON field as a text part, each binary component as a file part. */
    private static EncodedRequest multipart(URI uri, String target, Endpoint endpoint, Object params, JsonObject json,
                                            String resourceId) {
        String boundary = "runloop-" + UUID.randomUUID();
        List<SegmentPublisher.Segment> segments = new ArrayList<>();
        long length = 0;
        boolean replayable = true;
        for (Map.Entry<String, JsonValue> field : json.entrySet()) {
            String text = queryText(field.getValue());
            byte[] part = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + (text == null ? "" : text) + "\r\n").getBytes(StandardCharsets.UTF_8);
            segments.add(new SegmentPublisher.Fixed(part));
            length += part.length;
        }
        if (params != null) {
            for (RecordComponent component : params.getClass().getRecordComponents()) {
                if (component.getType() != BinaryContent.class) {
                    continue;
                }
                BinaryContent content = (BinaryContent) read(component, params);
                if (content == null) {
                    continue;
                }
                String name = component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
                byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                        + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                segments.add(new SegmentPublisher.Fixed(head));
                segments.add(content(content));
                segments.add(new SegmentPublisher.Fixed("\r\n".getBytes(StandardCharsets.UTF_8)));
                long size = content.length();
                if (size < 0) {
                    throw new IllegalArgumentException(endpoint.operation() + ": cannot read the size of " + content);
                }
                length += head.length + size + 2;
                replayable &= !(content instanceof BinaryContent.Stream);
            }
        }
        byte[] tail = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        segments.add(new SegmentPublisher.Fixed(tail));
        long total = length + tail.length;
        String type = "multipart/form-data; boundary=" + boundary;
        return new EncodedRequest(uri, target, endpoint.method(),
                () -> RequestBody.ofPublisher(new SegmentPublisher(segments), total, type), replayable, resourceId);
    }

    private static SegmentPublisher.Segment content(BinaryContent content) {
        if (content instanceof BinaryContent.Bytes bytes) {
            return new SegmentPublisher.Fixed(bytes.bytes());
        }
        if (content instanceof BinaryContent.File file) {
            return new SegmentPublisher.Streamed(() -> {
                try {
                    return Files.newInputStream(file.path());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        BinaryContent.Stream stream = (BinaryContent.Stream) content;
        return new SegmentPublisher.Streamed(() -> {
            InputStream in = stream.opener().get();
            if (in == null) {
                throw new UncheckedIOException(new IOException("the stream opener returned null"));
            }
            return in;
        });
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
