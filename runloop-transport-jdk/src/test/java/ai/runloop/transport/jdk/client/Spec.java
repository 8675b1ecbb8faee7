package ai.runloop.transport.jdk.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire reference as the tests read it: the endpoint rows of runloop-api's spec and the model fields
 * of runloop-model's, read from the source tree (tests run with the module directory as working
 * directory), never copied.
 */
final class Spec {
    static final Path ENDPOINTS = Path.of("../runloop-api/src/test/resources/spec/endpoints.tsv");
    static final Path MODELS = Path.of("../runloop-model/src/test/resources/spec/models.tsv");

    /** One endpoint row. */
    record Row(String resource, String operation, String method, String path, String query, String body,
               String response, String pagination, String notes) {

        boolean composite() {
            return method.equals("COMPOSITE");
        }

        String name() {
            return resource + "." + operation;
        }

        /** @return the params model named in the notes, or null */
        String paramsModel() {
            Matcher m = Pattern.compile("\\[params model: (\\w+)]").matcher(notes);
            return m.find() ? m.group(1) : null;
        }

        List<String> pathParams() {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }

        Set<String> queryNames() {
            return names(query);
        }

        /** @return the JSON body keys (without multipart parts) */
        Set<String> bodyNames() {
            Set<String> out = new LinkedHashSet<>();
            for (String p : splitTop(body)) {
                if (!p.startsWith("multipart:")) {
                    out.add(p.substring(0, p.indexOf(':')));
                }
            }
            return out;
        }

        /** @return the multipart part names */
        Set<String> multipartNames() {
            Set<String> out = new LinkedHashSet<>();
            for (String p : splitTop(body)) {
                if (p.startsWith("multipart:")) {
                    String rest = p.substring("multipart:".length());
                    out.add(rest.substring(0, rest.indexOf(':')));
                } else if (body.contains("multipart:")) {
                    out.add(p.substring(0, p.indexOf(':')));
                }
            }
            return out;
        }

        boolean multipart() {
            return body.contains("multipart:");
        }

        boolean sse() {
            return response.startsWith("sse<");
        }

        /** @return the Accept header the reference asks for (behaviours §1) */
        String accept() {
            Matcher m = Pattern.compile("Accept: ([\\w/.+-]+)").matcher(notes);
            if (m.find()) {
                return m.group(1);
            }
            return sse() ? "text/event-stream" : "application/json";
        }

        private static Set<String> names(String list) {
            Set<String> out = new LinkedHashSet<>();
            for (String p : splitTop(list)) {
                out.add(p.substring(0, p.indexOf(':')));
            }
            return out;
        }
    }

    /** One model field. */
    record Field(String model, String name, String type, boolean required, String notes) {
    }

    private Spec() {
    }

    static List<Row> endpoints() {
        List<Row> rows = new ArrayList<>();
        for (String[] c : tsv(ENDPOINTS)) {
            rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c.length > 8 ? c[8] : ""));
        }
        return rows;
    }

    static Map<String, List<Field>> models() {
        Map<String, List<Field>> out = new LinkedHashMap<>();
        for (String[] c : tsv(MODELS)) {
            out.computeIfAbsent(c[0], k -> new ArrayList<>())
                    .add(new Field(c[0], c[1], c[2], c[3].equals("yes"), c.length > 5 ? c[5] : ""));
        }
        return out;
    }

    private static List<String[]> tsv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String[]> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    out.add(line.split("\t", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spec at " + file.toAbsolutePath(), e);
        }
    }

    /** Splits a parameter list at top-level commas (commas inside map&lt;..&gt; or enum{..} belong to the type). */
    static List<String> splitTop(String list) {
        List<String> out = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return out;
        }
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

    /** snake_case (or dotted) to camelCase, the services' naming convention. */
    static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_' || ch == '.' || ch == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }
}
