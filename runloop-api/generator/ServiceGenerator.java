/*
 * Generates the REST services of runloop-api from the wire spec (src/test/resources/spec/endpoints.tsv),
 * one class per API resource with one method family per endpoint row.
 *
 * Run from the repository root with a JDK 17+ (after the model sources exist):
 *
 *   java runloop-api/generator/ServiceGenerator.java
 *
 * It rewrites runloop-api/src/main/java/ai/runloop/api/services/*.java. The output is committed; the
 * request-shape tests read the same spec and call every operation, so a missing or wrong method fails.
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class ServiceGenerator {
    static final String PKG = "ai.runloop.api.services";

    record Row(String resource, String operation, String method, String path, String query, String body,
               String response, String pagination, String notes) {
        String paramsModel() {
            Matcher m = Pattern.compile("\\[params model: (\\w+)]").matcher(notes);
            return m.find() ? m.group(1) : null;
        }

        boolean composite() {
            return method.equals("COMPOSITE");
        }
    }

    record SpecField(String name, String type, boolean required, String notes) {}

    final List<Row> rows = new ArrayList<>();
    final Map<String, List<SpecField>> modelFields = new LinkedHashMap<>();
    final Map<String, String> modelPackages = new LinkedHashMap<>(); // top-level simple name -> package

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        ServiceGenerator g = new ServiceGenerator();
        g.readEndpoints(root.resolve("runloop-api/src/test/resources/spec/endpoints.tsv"));
        g.readModels(root.resolve("runloop-model/src/test/resources/spec/models.tsv"));
        g.indexModelSources(root.resolve("runloop-model/src/main/java"));
        g.write(root.resolve("runloop-api/src/main/java"));
    }

    void readEndpoints(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c.length > 8 ? c[8] : ""));
        }
    }

    void readModels(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            modelFields.computeIfAbsent(c[0], k -> new ArrayList<>())
                    .add(new SpecField(c[1], c[2], c[3].equals("yes"), c.length > 5 ? c[5] : ""));
        }
    }

    void indexModelSources(Path mainJava) throws IOException {
        Path base = mainJava.resolve("ai/runloop/model");
        try (Stream<Path> files = Files.walk(base)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString().replace(".java", "");
                if (name.equals("package-info") || name.equals("module-info")) {
                    continue;
                }
                String pkg = base.relativize(f.getParent()).toString().replace('/', '.');
                modelPackages.put(name, "ai.runloop.model." + pkg);
            }
        }
    }

    /** The Java type of a spec model name, e.g. {@code DevboxCreateParams.Tunnel}. */
    String model(String name) {
        String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String pkg = modelPackages.get(top);
        if (pkg == null) {
            throw new IllegalStateException("no model source for " + name);
        }
        return pkg + "." + name;
    }

    // ------------------------------------------------------------------ names

    static String pascal(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("[_.\\-]")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    static String camel(String snake) {
        String p = pascal(snake);
        return Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }

    static String singular(String plural) {
        if (plural.endsWith("boxes")) {
            return plural.substring(0, plural.length() - 2);
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /** devboxes -> DevboxesService; devboxes.executions -> DevboxExecutionsService. */
    static String serviceClass(String resource) {
        String[] parts = resource.split("\\.");
        if (parts.length == 1) {
            return pascal(parts[0]) + "Service";
        }
        return pascal(singular(parts[0])) + pascal(parts[1]) + "Service";
    }

    // ------------------------------------------------------------------ per-endpoint facts

    static List<String> pathParams(Row r) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(r.path());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Path params the params record carries ("path parameter, not serialized"). */
    Set<String> pathParamsInModel(Row r) {
        Set<String> out = new LinkedHashSet<>();
        String pm = r.paramsModel();
        if (pm == null) {
            return out;
        }
        for (SpecField f : modelFields.get(pm)) {
            if (f.notes().contains("path parameter")) {
                out.add(f.name());
            }
        }
        return out;
    }

    boolean paramsRequired(Row r) {
        String pm = r.paramsModel();
        return pm != null && modelFields.get(pm).stream().anyMatch(SpecField::required);
    }

    static Set<String> queryNames(Row r) {
        Set<String> out = new LinkedHashSet<>();
        if (r.query().isBlank()) {
            return out;
        }
        for (String p : splitTop(r.query())) {
            out.add(p.substring(0, p.indexOf(':')));
        }
        return out;
    }

    /** Splits a parameter list at top-level commas (commas inside map<...> belong to the type). */
    static List<String> splitTop(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : list.toCharArray()) {
            if (ch == '<' || ch == '{') {
                depth++;
            } else if (ch == '>' || ch == '}') {
                depth--;
            }
            if (ch == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    static String responseKind(Row r) {
        if (r.response().equals("binary")) {
            return "BINARY";
        }
        if (r.response().equals("text")) {
            return "TEXT";
        }
        if (r.response().startsWith("sse<")) {
            return "SSE";
        }
        return "JSON";
    }

    static String requestKind(Row r) {
        if (r.path().endsWith("/wait_for_status")) {
            return "LONG_POLL";
        }
        if (r.path().endsWith("/upload_file") || r.path().endsWith("/download_file")
                || r.path().endsWith("/download_logs")) {
            return "TRANSFER";
        }
        return "API";
    }

    static final Set<String> LONG_RUNNING = Set.of("execute", "execute_sync", "download_file", "upload_file",
            "read_file_contents", "write_file_contents", "snapshot_disk");

    String responseType(Row r) {
        String resp = r.response();
        return switch (resp) {
            case "object" -> "jakarta.json.JsonValue";
            case "binary" -> "ai.runloop.api.BinaryResponse";
            case "text" -> "String";
            default -> resp.startsWith("sse<") ? model(resp.substring(4, resp.length() - 1)) : model(resp);
        };
    }

    /** The item type and items accessor of an auto-paginated list, or null. */
    String[] pager(Row r) {
        if (!r.pagination().contains("cursor=starting_after") || r.notes().contains("do not auto-paginate")) {
            return null;
        }
        String items = r.pagination().substring(r.pagination().indexOf("items=") + 6).split(" ")[0];
        for (SpecField f : modelFields.get(r.response())) {
            if (f.name().equals(items) && f.type().startsWith("array<")) {
                String item = f.type().substring(6, f.type().length() - 1);
                boolean hasId = modelFields.get(item).stream().anyMatch(x -> x.name().equals("id"));
                if (!hasId) {
                    return null;
                }
                return new String[] {model(item), camel(items)};
            }
        }
        throw new IllegalStateException("no items field " + items + " in " + r.response());
    }

    // ------------------------------------------------------------------ writing

    void write(Path mainJava) throws IOException {
        Path dir = mainJava.resolve(PKG.replace('.', '/'));
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        Map<String, List<Row>> byResource = new LinkedHashMap<>();
        for (Row r : rows) {
            byResource.computeIfAbsent(r.resource(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (String res : byResource.keySet()) {
            if (res.contains(".")) {
                children.computeIfAbsent(res.substring(0, res.indexOf('.')), k -> new ArrayList<>()).add(res);
            }
        }
        for (Map.Entry<String, List<Row>> e : byResource.entrySet()) {
            String cls = serviceClass(e.getKey());
            String src = shortenNames(service(e.getKey(), cls, e.getValue(), children.getOrDefault(e.getKey(), List.of())));
            Files.writeString(dir.resolve(cls + ".java"), src, StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("package-info.java"), HEADER + "/**\n"
                + " * The REST services of {@link ai.runloop.api.RunloopClient}: one class per API resource, one method\n"
                + " * family per endpoint: blocking, non-blocking through {@code async()}, and with status and headers\n"
                + " * through {@code withRawResponse()}.\n */\npackage " + PKG + ";\n",
                StandardCharsets.UTF_8);
        System.out.println("generated " + byResource.size() + " services for " + rows.size() + " endpoint rows");
    }

    /** Replaces qualified names of our models and API types by imports, for readable output. */
    static String shortenNames(String src) {
        Matcher m = Pattern.compile("\\b(ai\\.runloop\\.(?:model\\.\\w+|api(?:\\.internal(?:\\.sse)?)?)|java\\.util\\.function)\\.([A-Z]\\w*)")
                .matcher(src);
        Map<String, String> imports = new java.util.TreeMap<>();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int lineStart = src.lastIndexOf('\n', m.start()) + 1;
            if (src.startsWith("import ", lineStart)) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String simple = m.group(2);
            String qualified = m.group(1) + "." + simple;
            String taken = imports.putIfAbsent(simple, qualified);
            m.appendReplacement(out, Matcher.quoteReplacement(taken == null || taken.equals(qualified) ? simple : qualified));
        }
        m.appendTail(out);
        String body = out.toString();
        int at = body.indexOf("import ");
        StringBuilder extra = new StringBuilder();
        for (String q : new TreeSet<>(imports.values())) {
            if (!body.contains("import " + q + ";") && !q.startsWith(PKG + ".")) {
                extra.append("import ").append(q).append(";\n");
            }
        }
        String merged = body.substring(0, at) + extra + body.substring(at);
        // keep the import block sorted
        List<String> lines = new ArrayList<>(List.of(merged.split("\n", -1)));
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("import ")) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        List<String> block = new ArrayList<>(new TreeSet<>(lines.subList(first, last + 1)));
        for (int i = last; i >= first; i--) {
            lines.remove(i);
        }
        lines.addAll(first, block);
        return String.join("\n", lines);
    }

    static final String HEADER = "// Generated by runloop-api/generator/ServiceGenerator.java from spec/endpoints.tsv; do not edit.\n";

    String service(String resource, String cls, List<Row> ops, List<String> subResources) {
        StringBuilder out = new StringBuilder();
        out.append(HEADER).append("package ").append(PKG).append(";\n\n");
        out.append("import ai.runloop.api.RawResponse;\n");
        out.append("import ai.runloop.api.RequestOptions;\n");
        out.append("import ai.runloop.api.internal.ApiCore;\n");
        out.append("import ai.runloop.api.internal.Endpoint;\n");
        out.append("import ai.runloop.api.spi.RequestKind;\n");
        out.append("import java.util.List;\n");
        out.append("import java.util.Set;\n");
        out.append("import java.util.concurrent.CompletableFuture;\n\n");
        out.append("/**\n * The {@code ").append(resource).append("} resource of the Runloop API.\n");
        out.append(" * <p>Every operation comes blocking here, non-blocking through {@link #async()} (answering\n");
        out.append(" * {@code CompletableFuture}s), and with the status and headers through {@link #withRawResponse()}.\n */\n");
        out.append("public final class ").append(cls).append(" {\n");
        // endpoint constants
        for (Row r : ops) {
            if (r.composite()) {
                continue;
            }
            out.append("    private static final Endpoint ").append(constant(r)).append(" = new Endpoint(\"")
                    .append(r.resource()).append('.').append(r.operation()).append("\", \"").append(r.method())
                    .append("\", \"").append(r.path()).append("\",\n            Set.of(")
                    .append(queryNames(r).stream().map(q -> "\"" + q + "\"").collect(Collectors.joining(", ")))
                    .append("), Endpoint.ResponseKind.").append(responseKind(r)).append(", RequestKind.")
                    .append(requestKind(r)).append(", ").append(LONG_RUNNING.contains(r.operation()))
                    .append(", ").append(r.body().startsWith("multipart:")).append(");\n");
        }
        out.append("\n    private final ApiCore core;\n");
        out.append("    private final WithRawResponse raw;\n");
        out.append("    private final Async async;\n");
        for (String sub : subResources) {
            out.append("    private final ").append(serviceClass(sub)).append(' ')
                    .append(camel(sub.substring(sub.indexOf('.') + 1))).append(";\n");
        }
        out.append("\n    /**\n     * Created by {@link ai.runloop.api.RunloopClient}.\n     *\n     * @param core the client's pipeline\n     */\n");
        out.append("    public ").append(cls).append("(ApiCore core) {\n");
        out.append("        this.core = core;\n        this.raw = new WithRawResponse();\n        this.async = new Async();\n");
        for (String sub : subResources) {
            out.append("        this.").append(camel(sub.substring(sub.indexOf('.') + 1))).append(" = new ")
                    .append(serviceClass(sub)).append("(core);\n");
        }
        out.append("    }\n");
        for (String sub : subResources) {
            String name = camel(sub.substring(sub.indexOf('.') + 1));
            out.append("\n    /** @return the {@code ").append(sub).append("} resource */\n");
            out.append("    public ").append(serviceClass(sub)).append(' ').append(name).append("() {\n        return ")
                    .append(name).append(";\n    }\n");
        }
        out.append("\n    /** @return the same operations answering with status, headers and the lazily parsed value */\n");
        out.append("    public WithRawResponse withRawResponse() {\n        return raw;\n    }\n");
        out.append("\n    /** @return the same operations without blocking, answering {@code CompletableFuture}s */\n");
        out.append("    public Async async() {\n        return async;\n    }\n");
        Parts parts = new Parts();
        for (Row r : ops) {
            if (r.composite()) {
                composite(r, parts);
            } else if (responseKind(r).equals("SSE")) {
                sse(r, parts.main);
                sse(r, parts.async);
            } else {
                operation(r, out, parts);
            }
        }
        out.append(parts.main);
        out.append("\n    /** The operations of this resource answering {@link RawResponse}s. */\n");
        out.append("    public final class WithRawResponse {\n        private WithRawResponse() {\n        }\n");
        out.append(indent(parts.raw));
        out.append("    }\n");
        out.append("\n    /** The operations of this resource without blocking: each answers a {@code CompletableFuture}. */\n");
        out.append("    public final class Async {\n");
        out.append("        private final AsyncWithRawResponse raw = new AsyncWithRawResponse();\n\n");
        out.append("        private Async() {\n        }\n");
        out.append("\n        /** @return the same operations answering {@link RawResponse}s */\n");
        out.append("        public AsyncWithRawResponse withRawResponse() {\n            return raw;\n        }\n");
        out.append(indent(parts.async));
        out.append("    }\n");
        out.append("\n    /** The non-blocking operations of this resource answering {@link RawResponse}s. */\n");
        out.append("    public final class AsyncWithRawResponse {\n        private AsyncWithRawResponse() {\n        }\n");
        out.append(indent(parts.asyncRaw));
        out.append("    }\n");
        out.append("}\n");
        return out.toString();
    }

    /** Where the generated members of one service go. */
    static final class Parts {
        final StringBuilder main = new StringBuilder();
        final StringBuilder async = new StringBuilder();
        final StringBuilder raw = new StringBuilder();
        final StringBuilder asyncRaw = new StringBuilder();
    }

    static String indent(StringBuilder code) {
        return code.toString().replace("\n    ", "\n        ").replaceFirst("^    ", "        ");
    }

    static String constant(Row r) {
        return r.operation().toUpperCase(java.util.Locale.ROOT);
    }

    /** Java parameters of the path placeholders the params record does not carry. */
    List<String> pathArgs(Row r) {
        Set<String> inModel = pathParamsInModel(r);
        return pathParams(r).stream().filter(p -> !inModel.contains(p)).map(ServiceGenerator::camel).toList();
    }

    /** The Java expression list of all path values in template order. */
    String pathValues(Row r) {
        Set<String> inModel = pathParamsInModel(r);
        List<String> values = new ArrayList<>();
        for (String p : pathParams(r)) {
            values.add(inModel.contains(p) ? "params." + camel(p) + "()" : camel(p));
        }
        return "List.of(" + String.join(", ", values) + ")";
    }

    String javadoc(Row r, String returns, boolean withParams, boolean withOptions) {
        StringBuilder d = new StringBuilder();
        d.append("\n    /**\n     * {@code ").append(r.method()).append(' ').append(r.path()).append("} (")
                .append(r.resource()).append('.').append(r.operation()).append(")");
        if (!r.notes().isBlank()) {
            String note = r.notes().replaceAll("\\s*\\[params model: \\w+]", "").trim();
            if (!note.isEmpty()) {
                d.append(": ").append(note.replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;"));
            }
        }
        d.append(".\n     *\n");
        for (String p : pathArgs(r)) {
            d.append("     * @param ").append(p).append(" the {@code ").append(p).append("} path parameter\n");
        }
        if (withParams) {
            d.append("     * @param params the parameters\n");
        }
        if (withOptions) {
            d.append("     * @param options per-call options\n");
        }
        d.append("     * @return ").append(returns).append("\n     */\n");
        return d.toString();
    }

    String signature(Row r, boolean withParams, boolean withOptions) {
        List<String> p = new ArrayList<>();
        for (String a : pathArgs(r)) {
            p.add("String " + a);
        }
        if (withParams) {
            p.add(model(r.paramsModel()) + " params");
        }
        if (withOptions) {
            p.add("RequestOptions options");
        }
        return String.join(", ", p);
    }

    String callArgs(Row r, boolean withParams, boolean withOptions, boolean defaultParams) {
        List<String> p = new ArrayList<>(pathArgs(r));
        if (r.paramsModel() != null) {
            p.add(withParams ? "params" : defaultParams ? model(r.paramsModel()) + ".builder().build()" : "null");
        }
        p.add(withOptions ? "options" : "RequestOptions.none()");
        return String.join(", ", p);
    }

    /** Which (withParams, withOptions) overloads exist; the full one is first. */
    List<boolean[]> overloads(Row r) {
        List<boolean[]> out = new ArrayList<>();
        if (r.paramsModel() != null) {
            out.add(new boolean[] {true, true});
            out.add(new boolean[] {true, false});
            if (!paramsRequired(r)) {
                out.add(new boolean[] {false, false});
            }
        } else {
            out.add(new boolean[] {false, true});
            out.add(new boolean[] {false, false});
        }
        return out;
    }

    void operation(Row r, StringBuilder out, Parts parts) {
        String name = camel(r.operation());
        String type = responseType(r);
        String what = r.resource() + "." + r.operation();
        boolean hasParams = r.paramsModel() != null;
        String paramsExpr = hasParams ? "params" : "null";
        String options = "options";
        if (requestKind(r).equals("LONG_POLL")) {
            options = "ai.runloop.api.internal.LongPolls.holdTimeout(options, params.timeoutSeconds(), "
                    + (r.path().contains("/executions/") ? "25" : "30") + ")";
        }
        String full = signature(r, hasParams, true);
        String call = "call" + pascal(r.operation());
        // the one real implementation, shared by the four flavours
        out.append("\n    private CompletableFuture<RawResponse<").append(type).append(">> ").append(call)
                .append("(").append(full).append(") {\n");
        out.append("        return core.call(").append(constant(r)).append(", ").append(pathValues(r)).append(", ")
                .append(paramsExpr).append(", ").append(options).append(", ").append(erasure(type)).append(".class);\n");
        out.append("    }\n");
        for (boolean[] o : overloads(r)) {
            boolean wp = o[0];
            boolean wo = o[1];
            String inner = call + "(" + callArgs(r, wp, wo, hasParams && !wp) + ")";
            parts.main.append(javadoc(r, "the answer", wp, wo));
            parts.main.append("    public ").append(type).append(' ').append(name).append('(').append(signature(r, wp, wo))
                    .append(") {\n");
            parts.main.append("        return ApiCore.join(").append(inner).append(", \"").append(what)
                    .append("\").parse();\n    }\n");
            parts.async.append(javadoc(r, "the answer, without blocking", wp, wo));
            parts.async.append("    public CompletableFuture<").append(type).append("> ").append(name).append("(")
                    .append(signature(r, wp, wo)).append(") {\n");
            parts.async.append("        return ").append(inner).append(".thenApply(RawResponse::parse);\n    }\n");
        }
        String fullArgs = callArgs(r, hasParams, true, false);
        parts.raw.append(javadoc(r, "the answer with status and headers", hasParams, true));
        parts.raw.append("    public RawResponse<").append(type).append("> ").append(name).append('(').append(full)
                .append(") {\n");
        parts.raw.append("        return ApiCore.join(").append(call).append("(").append(fullArgs).append("), \"")
                .append(what).append("\");\n    }\n");
        parts.asyncRaw.append(javadoc(r, "the answer with status and headers, without blocking", hasParams, true));
        parts.asyncRaw.append("    public CompletableFuture<RawResponse<").append(type).append(">> ").append(name)
                .append("(").append(full).append(") {\n");
        parts.asyncRaw.append("        return ").append(call).append("(").append(fullArgs).append(");\n    }\n");
        String[] pager = pager(r);
        if (pager != null) {
            autoPaging(r, pager, out, parts);
        }
    }

    static String erasure(String type) {
        int lt = type.indexOf('<');
        return lt < 0 ? type : type.substring(0, lt);
    }

    void autoPaging(Row r, String[] pager, StringBuilder out, Parts parts) {
        String name = camel(r.operation()) + "AutoPaging";
        String params = model(r.paramsModel());
        String item = pager[0];
        String view = model(r.response());
        String what = r.resource() + "." + r.operation();
        String fetch = "pages" + pascal(r.operation());
        String full = signature(r, true, true);
        List<String> fullArgs = new ArrayList<>(pathArgs(r));
        fullArgs.add("params");
        fullArgs.add("options");
        out.append("\n    private java.util.function.Function<String, CompletableFuture<ai.runloop.api.Page<").append(item)
                .append(">>> ").append(fetch).append("(").append(full).append(") {\n");
        List<String> args = new ArrayList<>(pathArgs(r));
        args.add("cursor == null ? params : params.toBuilder().startingAfter(cursor).build()");
        args.add("options");
        out.append("        return cursor -> call").append(pascal(r.operation())).append("(").append(String.join(", ", args))
                .append(")\n");
        out.append("                .thenApply(raw -> {\n");
        out.append("                    ").append(view).append(" page = raw.parse();\n");
        out.append("                    List<").append(item).append("> items = page.").append(pager[1])
                .append("() == null ? List.of() : page.").append(pager[1]).append("();\n");
        out.append("                    String next = items.isEmpty() ? null : items.get(items.size() - 1).id();\n");
        out.append("                    return new ai.runloop.api.Page<>(items, Boolean.TRUE.equals(page.hasMore()), page.totalCount(), next);\n");
        out.append("                });\n    }\n");
        List<List<String>> variants = new ArrayList<>();
        variants.add(List.of("full"));
        variants.add(List.of("params"));
        if (!paramsRequired(r)) {
            variants.add(List.of("none"));
        }
        for (List<String> v : variants) {
            String kind = v.get(0);
            boolean wp = !kind.equals("none");
            boolean wo = kind.equals("full");
            List<String> a = new ArrayList<>(pathArgs(r));
            a.add(wp ? "params" : params + ".builder().build()");
            a.add(wo ? "options" : "RequestOptions.none()");
            String doc = "\n    /**\n     * Every item of {@code " + r.method() + " " + r.path() + "}, fetching each next page (by\n"
                    + "     * {@code starting_after}) only when the items before it have been consumed.\n     *\n"
                    + pathArgs(r).stream().map(p -> "     * @param " + p + " the {@code " + p + "} path parameter\n").collect(Collectors.joining())
                    + (wp ? "     * @param params the first page's parameters\n" : "")
                    + (wo ? "     * @param options per-call options\n" : "");
            parts.main.append(doc).append("     * @return the items\n     */\n");
            parts.main.append("    public ai.runloop.api.AutoPager<").append(item).append("> ").append(name).append('(')
                    .append(signature(r, wp, wo)).append(") {\n");
            parts.main.append("        return new ai.runloop.api.AutoPager<>(\"").append(what).append("\", ").append(fetch)
                    .append("(").append(String.join(", ", a)).append("));\n    }\n");
            parts.async.append(doc).append("     * @return the items, fetched without blocking\n     */\n");
            parts.async.append("    public ai.runloop.api.AsyncPager<").append(item).append("> ").append(name).append('(')
                    .append(signature(r, wp, wo)).append(") {\n");
            parts.async.append("        return new ai.runloop.api.AsyncPager<>(").append(fetch)
                    .append("(").append(String.join(", ", a)).append("));\n    }\n");
        }
    }

    void sse(Row r, StringBuilder out) {
        String name = camel(r.operation());
        String item = responseType(r);
        boolean hasParams = r.paramsModel() != null;
        String resume;
        String resumeParam;
        if (item.endsWith("ExecutionUpdateChunk")) {
            resume = "new ai.runloop.api.internal.sse.ExecutionOutputResume(params.offset())";
            resumeParam = "\"offset\"";
        } else if (item.endsWith("AxonEventView")) {
            resume = "ai.runloop.api.internal.sse.SequenceResume.after(params.afterSequence())";
            resumeParam = "\"after_sequence\"";
        } else {
            resume = "ai.runloop.api.internal.sse.ResumePolicy.none()";
            resumeParam = "null";
        }
        for (boolean[] o : overloads(r)) {
            boolean wp = o[0];
            boolean wo = o[1];
            out.append(javadoc(r, "the event stream; nothing is sent until it is read", wp, wo));
            out.append("    public ai.runloop.api.SseStream<").append(item).append("> ").append(name).append('(')
                    .append(signature(r, wp, wo)).append(") {\n");
            if (wp && wo) {
                out.append("        return core.sse(").append(constant(r)).append(", ").append(pathValues(r)).append(", ")
                        .append(hasParams ? "params" : "null").append(", options, ").append(item).append(".class, ")
                        .append(hasParams || !resume.contains("params") ? resume : "null").append(", ").append(resumeParam)
                        .append(");\n");
            } else if (!hasParams && wo) {
                out.append("        return core.sse(").append(constant(r)).append(", ").append(pathValues(r))
                        .append(", null, options, ").append(item).append(".class, ").append(resume).append(", ")
                        .append(resumeParam).append(");\n");
            } else {
                out.append("        return ").append(name).append('(').append(callArgs(r, wp, wo, hasParams && !wp))
                        .append(");\n");
            }
            out.append("    }\n");
        }
    }

    void composite(Row r, Parts parts) {
        String name = camel(r.operation());
        String params = model(r.paramsModel() != null ? r.paramsModel()
                : r.operation().contains("running") ? "DevboxCreateParams" : "BlueprintCreateParams");
        String type = responseType(r);
        String impl = "ai.runloop.api.internal.Composites." + name;
        String what = r.resource() + "." + r.operation();
        String doc = "\n    /**\n     * {@code " + r.path().replace("->", "then") + "} (" + what
                + "): a client helper that creates and then waits (behaviours §8.3).\n     *\n"
                + "     * @param params the create parameters\n";
        String fullDoc = doc + "     * @param polling how long and how often to wait\n"
                + "     * @param options per-call options of the create request\n";
        parts.async.append(fullDoc).append("     * @return the final view, without blocking\n     */\n");
        parts.async.append("    public CompletableFuture<").append(type).append("> ").append(name).append("(").append(params)
                .append(" params, ai.runloop.api.PollingConfig polling, RequestOptions options) {\n");
        parts.async.append("        return ").append(impl).append("(core, params, polling, options);\n    }\n");
        parts.async.append(doc).append("     * @return the final view, without blocking\n     */\n");
        parts.async.append("    public CompletableFuture<").append(type).append("> ").append(name).append("(").append(params)
                .append(" params) {\n");
        parts.async.append("        return ").append(name).append("(params, ai.runloop.api.PollingConfig.defaults(), RequestOptions.none());\n    }\n");
        parts.main.append(fullDoc).append("     * @return the final view\n     */\n");
        parts.main.append("    public ").append(type).append(' ').append(name).append('(').append(params)
                .append(" params, ai.runloop.api.PollingConfig polling, RequestOptions options) {\n");
        parts.main.append("        return ApiCore.join(").append(impl).append("(core, params, polling, options), \"").append(what)
                .append("\");\n    }\n");
        parts.main.append(doc).append("     * @return the final view\n     */\n");
        parts.main.append("    public ").append(type).append(' ').append(name).append('(').append(params).append(" params) {\n");
        parts.main.append("        return ").append(name).append("(params, ai.runloop.api.PollingConfig.defaults(), RequestOptions.none());\n    }\n");
    }
}
