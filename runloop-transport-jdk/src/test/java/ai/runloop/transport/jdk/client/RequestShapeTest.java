package ai.runloop.transport.jdk.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.runloop.api.BinaryResponse;
import ai.runloop.api.RawResponse;
import ai.runloop.api.RequestOptions;
import ai.runloop.api.RunloopClient;
import ai.runloop.api.SseStream;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every row of the endpoint spec, calls the operation found by naming convention with sample params
 * (every field set) against a recording server and checks the request's exact shape: verb, path with
 * ids percent-encoded, query keys, JSON body keys (no path or query param in the body), Accept, the
 * idempotency key, and the multipart parts of uploads. A row without a matching method fails.
 */
class RequestShapeTest {
    /** Ids that break naive path building: a slash, a space, a percent, non-ASCII and astral characters. */
    private static final List<String> AWKWARD_IDS = List.of("a/b c%2F-é😀?#", "x y/../z;=1");
    private static final List<String> DOT_IDS = List.of("..", ".");
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9\\-._~]|%[0-9A-Fa-f]{2})+");

    private static ScriptedServer server;
    private static RunloopClient client;
    private static Map<String, List<Spec.Field>> models;

    @BeforeAll
    static void start() throws Exception {
        models = Spec.models();
        server = ScriptedServer.start((request, exchange) -> {
            String accept = String.valueOf(request.header("accept"));
            if (accept.equals("text/event-stream")) {
                exchange.startChunked(200, "text/event-stream");
                exchange.endChunks();
            } else if (accept.equals("application/json")) {
                exchange.json(200, "{}");
            } else {
                exchange.respond(200, Map.of("Content-Type", accept), "raw".getBytes(StandardCharsets.UTF_8));
            }
        });
        client = RunloopClient.builder().apiKey("test-key").baseUrl(server.baseUrl()).maxRetries(0)
                .environment(Map.of()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRowSendsTheReferenceShape() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Spec.Row row : Spec.endpoints()) {
            if (row.composite()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(row.name() + " with awkward ids", () -> check(row, AWKWARD_IDS)));
            tests.add(DynamicTest.dynamicTest(row.name() + " with dot ids", () -> check(row, DOT_IDS)));
        }
        assertTrue(tests.size() > 200, "the spec was read: " + tests.size() / 2 + " rows");
        return tests.stream();
    }

    @Test
    void everyRowHasBlockingAsyncAndRawMethods() throws Exception {
        for (Spec.Row row : Spec.endpoints()) {
            Object service = service(row);
            String name = Spec.camel(row.operation());
            assertTrue(hasMethod(service, name), row.name() + ": no blocking method " + name);
            Object async = service.getClass().getMethod("async").invoke(service);
            if (!row.sse()) {
                assertTrue(hasMethod(async, name), row.name() + ": no async method " + name);
            }
            if (!row.sse() && !row.composite()) {
                Object raw = service.getClass().getMethod("withRawResponse").invoke(service);
                assertTrue(hasMethod(raw, name), row.name() + ": no withRawResponse method " + name);
            }
        }
    }

    private static boolean hasMethod(Object target, String name) {
        return Arrays.stream(target.getClass().getMethods()).anyMatch(m -> m.getName().equals(name));
    }

    private static Object service(Spec.Row row) throws Exception {
        Object service = client;
        for (String part : row.resource().split("\\.")) {
            try {
                service = service.getClass().getMethod(Spec.camel(part)).invoke(service);
            } catch (NoSuchMethodException e) {
                fail(row.name() + ": no service accessor " + Spec.camel(part) + "() on " + service.getClass().getSimpleName());
            }
        }
        return service;
    }

    private static void check(Spec.Row row, List<String> idPool) throws Throwable {
        Object service = service(row);
        Object target = row.sse() ? service : service.getClass().getMethod("withRawResponse").invoke(service);
        String name = Spec.camel(row.operation());
        Method method = Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals(name))
                .filter(m -> m.getParameterCount() > 0
                        && m.getParameterTypes()[m.getParameterCount() - 1] == RequestOptions.class)
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElse(null);
        assertNotNull(method, row.name() + ": no method " + name + "(..., RequestOptions) on "
                + target.getClass().getName());

        // Ids per path placeholder; those the params record carries are set in the record.
        List<String> pathParams = row.pathParams();
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < pathParams.size(); i++) {
            ids.put(pathParams.get(i), idPool.get(i % idPool.size()));
        }
        Set<String> inModel = row.paramsModel() == null ? Set.of() : models.get(row.paramsModel()).stream()
                .filter(f -> f.notes().contains("path parameter")).map(Spec.Field::name).collect(Collectors.toSet());
        List<String> stringArgs = pathParams.stream().filter(p -> !inModel.contains(p)).map(ids::get).toList();

        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        int nextString = 0;
        boolean sawParams = false;
        for (int i = 0; i < types.length; i++) {
            if (types[i] == String.class) {
                assertTrue(nextString < stringArgs.size(), row.name() + ": more String parameters than path ids");
                args[i] = stringArgs.get(nextString++);
            } else if (types[i] == RequestOptions.class) {
                args[i] = RequestOptions.none();
            } else {
                assertEquals(row.paramsModel(), types[i].getSimpleName(), row.name() + ": params type");
                Map<String, Object> override = new LinkedHashMap<>();
                inModel.forEach(p -> override.put(p, ids.get(p)));
                args[i] = Samples.of(types[i], override);
                sawParams = true;
            }
        }
        assertEquals(stringArgs.size(), nextString, row.name() + ": path ids passed as arguments");
        assertEquals(row.paramsModel() != null, sawParams, row.name() + ": takes its params model");

        int before = server.requests().size();
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof SseStream<?> stream) {
            stream.forEach(item -> { }).get(20, TimeUnit.SECONDS);
        } else if (result instanceof RawResponse<?> raw && raw.parse() instanceof BinaryResponse binary) {
            binary.close();
        }
        List<ScriptedServer.Request> sent = server.requests();
        assertEquals(before + 1, sent.size(), row.name() + ": exactly one request");
        ScriptedServer.Request request = sent.get(before);

        assertEquals(row.method(), request.method(), row.name() + ": method");
        checkPath(row, ids, request.rawPath());
        checkQuery(row, request);
        checkBody(row, request);
        assertEquals(row.accept(), request.header("accept"), row.name() + ": Accept");
        assertEquals("Bearer test-key", request.header("authorization"), row.name() + ": Authorization");
        if (row.method().equals("GET")) {
            assertNull(request.header("x-request-id"), row.name() + ": no idempotency key on GET");
        } else {
            assertNotNull(request.header("x-request-id"), row.name() + ": idempotency key on " + row.method());
        }
    }

    private static void checkPath(Spec.Row row, Map<String, String> ids, String rawPath) {
        String[] expected = row.path().split("/", -1);
        String[] actual = rawPath.split("/", -1);
        assertEquals(expected.length, actual.length, row.name() + ": path segments of " + rawPath);
        for (int i = 0; i < expected.length; i++) {
            Matcher placeholder = Pattern.compile("\\{(\\w+)}").matcher(expected[i]);
            if (!placeholder.matches()) {
                assertEquals(expected[i], actual[i], row.name() + ": path " + rawPath);
                continue;
            }
            String id = ids.get(placeholder.group(1));
            assertTrue(SEGMENT.matcher(actual[i]).matches(), row.name() + ": segment not encoded: " + actual[i]);
            assertFalse(actual[i].equals(".") || actual[i].equals(".."), row.name() + ": dot segment " + actual[i]);
            assertEquals(id, ScriptedServer.decode(actual[i]), row.name() + ": id in " + rawPath);
        }
    }

    private static void checkQuery(Spec.Row row, ScriptedServer.Request request) {
        Map<String, String> query = request.query();
        assertEquals(row.queryNames(), query.keySet(), row.name() + ": query keys of " + request.rawQuery());
        for (String param : Spec.splitTop(row.query())) {
            String key = param.substring(0, param.indexOf(':'));
            String type = param.substring(param.indexOf(':') + 1);
            String expected = type.startsWith("string") ? Samples.TEXT : type.startsWith("boolean") ? "true"
                    : type.startsWith("int") ? "7" : null;
            if (expected != null) {
                assertEquals(expected, query.get(key), row.name() + ": query value of " + key);
            }
        }
    }

    private static void checkBody(Spec.Row row, ScriptedServer.Request request) {
        String contentType = request.header("content-type");
        if (row.multipart()) {
            assertNotNull(contentType, row.name() + ": Content-Type");
            assertTrue(contentType.startsWith("multipart/form-data; boundary="), row.name() + ": " + contentType);
            Map<String, byte[]> parts = multipart(request.body(), contentType.substring(contentType.indexOf('=') + 1));
            assertEquals(row.multipartNames(), parts.keySet(), row.name() + ": multipart parts");
            assertEquals(Samples.TEXT, new String(parts.get("path"), StandardCharsets.UTF_8), row.name() + ": path part");
            assertArrayEquals(Samples.FILE, parts.get("file"), row.name() + ": file part");
            return;
        }
        Set<String> expected = row.bodyNames();
        if (expected.isEmpty()) {
            String body = request.bodyText().trim();
            assertTrue(body.isEmpty() || body.equals("{}"), row.name() + ": no body expected but got " + body);
            return;
        }
        assertNotNull(contentType, row.name() + ": Content-Type");
        assertTrue(contentType.startsWith("application/json"), row.name() + ": Content-Type " + contentType);
        JsonObject json = Json.createReader(new StringReader(request.bodyText())).readObject();
        assertEquals(expected, json.keySet(), row.name() + ": body keys");
    }

    /** @return part name to content, from a multipart/form-data body */
    static Map<String, byte[]> multipart(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        String delimiter = "--" + boundary;
        assertTrue(text.endsWith(delimiter + "--\r\n"), "multipart body ends with the closing delimiter");
        String[] pieces = text.substring(0, text.length() - (delimiter + "--\r\n").length()).split(Pattern.quote(delimiter));
        assertEquals("", pieces[0], "nothing before the first part");
        for (int i = 1; i < pieces.length; i++) {
            String piece = pieces[i];
            assertTrue(piece.startsWith("\r\n") && piece.endsWith("\r\n"), "part framing");
            piece = piece.substring(2, piece.length() - 2);
            int split = piece.indexOf("\r\n\r\n");
            String head = piece.substring(0, split);
            Matcher name = Pattern.compile("Content-Disposition: form-data; name=\"([^\"]+)\"").matcher(head);
            assertTrue(name.find(), "part has a name: " + head);
            assertFalse(parts.containsKey(name.group(1)), "part " + name.group(1) + " once");
            parts.put(name.group(1), piece.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1));
        }
        return parts;
    }
}
