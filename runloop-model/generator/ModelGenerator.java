/*
 * Generates the runloop-model records from the wire spec (src/test/resources/spec/models.tsv).
 *
 * Run from the repository root with a JDK 17+:
 *
 *   java runloop-model/generator/ModelGenerator.java
 *
 * It rewrites runloop-model/src/main/java/ai/runloop/model/{package}/*.java for every model package,
 * the streaming readers in runloop-model/src/main/java/ai/runloop/model/internal/json/*Readers.java
 * and runloop-model/src/test/java/ai/runloop/model/support/ModelCatalog.java. The output is committed;
 * ModelSpecConformanceTest holds the compiled records to the same spec, independently of this program,
 * and GeneratedReadersPropertyTest holds the readers to the records' JSON-B mapping.
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class ModelGenerator {

    static final String BASE = "ai.runloop.model";

    /** Enum value sets used by several models get one shared top-level type with a chosen name. */
    static final Map<String, String> SHARED_ENUMS = Map.ofEntries(
            Map.entry("scheduled|queued|provisioning|initializing|running|suspending|suspended|resuming|failure|shutdown",
                    "devboxes.DevboxStatus"),
            Map.entry("unspecified|text|binary|gzip|tar|tgz", "objects.ObjectContentType"),
            Map.entry("UPLOADING|READ_ONLY|DELETED|ERROR", "objects.ObjectState"),
            Map.entry("open|authenticated", "devboxes.TunnelAuthMode"),
            Map.entry("UNSPECIFIED|FORWARD|REVERSE|EVALUATION", "scenarios.ValidationType"),
            Map.entry("unknown|docker_in_docker", "shared.DevboxCapability"),
            Map.entry("running|scoring|scored|completed|canceled|timeout|failed", "scenarios.ScenarioRunState"),
            Map.entry("running|canceled|completed|failed", "benchmarks.BenchmarkRunState"),
            Map.entry("queued|running|completed", "devboxes.ExecutionStatus"),
            Map.entry("active|archived", "shared.ArchiveStatus"),
            Map.entry("STRIPE|AWS_MARKETPLACE|STRIPE_PROJECTS|UNRECOGNIZED", "accounts.AccountBillingType"));

    static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "record", "var", "yield", "sealed", "permits");

    record Field(String model, String wire, String type, boolean required, boolean nullable, String notes) {}

    /** One wire model: a record, or (when it has a union row) a sealed interface. */
    static final class Model {
        final String name; // dotted spec name
        final List<Field> fields = new ArrayList<>();
        final List<Model> nested = new ArrayList<>();
        final Map<String, String> variants = new LinkedHashMap<>(); // discriminator value -> model name
        Model parent;
        String unionOf; // name of the union this record is a variant of

        Model(String name) {
            this.name = name;
        }

        String simpleName() {
            return name.substring(name.lastIndexOf('.') + 1);
        }

        boolean isUnion() {
            return !variants.isEmpty();
        }

        Model top() {
            return parent == null ? this : parent.top();
        }
    }

    /** A generated open enum type: where it lives and which values it knows. */
    record EnumType(String pkg, String qualified, List<String> values, Model owner) {}

    final Map<String, Model> models = new LinkedHashMap<>();
    final Map<String, EnumType> enumsBySignature = new LinkedHashMap<>();
    final Map<String, EnumType> enumsByField = new LinkedHashMap<>(); // model.field -> type
    final Map<Model, List<EnumType>> nestedEnums = new LinkedHashMap<>();

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path spec = root.resolve("runloop-model/src/test/resources/spec/models.tsv");
        ModelGenerator g = new ModelGenerator();
        g.read(spec);
        g.assignEnums();
        g.write(root.resolve("runloop-model/src/main/java"), root.resolve("runloop-model/src/test/java"));
    }

    // ---------------------------------------------------------------- reading

    void read(Path spec) throws IOException {
        List<String> lines = Files.readAllLines(spec, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            Field f = new Field(c[0], c[1], c[2], c[3].equals("yes"), c[4].equals("yes"), c.length > 5 ? c[5] : "");
            Model m = models.computeIfAbsent(f.model(), Model::new);
            if (f.notes().startsWith("discriminated union on ")) {
                for (String part : f.notes().substring(f.notes().indexOf(':') + 1).split(";")) {
                    String[] kv = part.trim().split("=");
                    m.variants.put(kv[0], kv[1]);
                }
            } else {
                m.fields.add(f);
            }
        }
        for (Model m : models.values()) {
            int dot = m.name.lastIndexOf('.');
            if (dot > 0) {
                m.parent = models.get(m.name.substring(0, dot));
                if (m.parent == null) {
                    throw new IllegalStateException("no parent model for " + m.name);
                }
                m.parent.nested.add(m);
            }
            for (String v : m.variants.values()) {
                models.get(v).unionOf = m.name;
            }
        }
        for (Model m : models.values()) {
            for (String v : m.variants.values()) {
                models.get(v).unionOf = m.name;
            }
        }
    }

    static String packageOf(String topName) {
        String n = topName;
        if (n.matches("Account.*|APIKey.*|Apikey.*|RestrictedKey.*|ScopeEntryView")) return "accounts";
        if (n.matches("Agent.*") && !n.equals("AgentMount")) return "agents";
        if (n.matches("Axon.*|Sql.*|PublishResultView|EventListParams")) return "axons";
        if (n.matches("Benchmark.*")) return "benchmarks";
        if (n.matches("Blueprint.*")) return "blueprints";
        if (n.matches("Devbox.*|Execution.*|DiskSnapshot.*|LogListParams|TunnelView|GatewayTokenView|McpTokenView"))
            return "devboxes";
        if (n.matches("Object.*") && !n.equals("ObjectMount")) return "objects";
        if (n.matches("Scenario.*|Scorer.*|Scoring.*|RunListParams|InputContext.*")) return "scenarios";
        if (n.matches("Secret.*")) return "secrets";
        if (n.matches("NetworkPolicy.*|AllowedCidr|PortRule")) return "networkpolicies";
        if (n.matches("GatewayConfig.*")) return "gatewayconfigs";
        if (n.matches("McpConfig.*")) return "mcpconfigs";
        if (n.matches("Pty.*")) return "pty";
        return "shared";
    }

    String pkg(Model m) {
        return BASE + "." + packageOf(m.top().name);
    }

    /** The Java name of a model as seen from anywhere: package-qualified top-level plus nesting. */
    String javaName(String modelName) {
        Model m = models.get(modelName);
        if (m == null) {
            throw new IllegalStateException("unknown model " + modelName);
        }
        return pkg(m) + "." + m.name;
    }

    // ---------------------------------------------------------------- enums

    static List<String> enumValues(String type) {
        Matcher mt = Pattern.compile("enum\\{([^}]*)}").matcher(type);
        if (!mt.find()) {
            return null;
        }
        return List.of(mt.group(1).split("\\|"));
    }

    /** Discriminator-like fields: a `type` field with a single allowed value stays a String constant. */
    static boolean isConstantType(Field f) {
        List<String> v = enumValues(f.type());
        return f.wire().equals("type") && v != null && v.size() == 1;
    }

    void assignEnums() {
        for (Model m : models.values()) {
            for (Field f : m.fields) {
                List<String> values = enumValues(f.type());
                if (values == null || isConstantType(f)) {
                    continue;
                }
                String sig = String.join("|", values);
                EnumType t;
                if (SHARED_ENUMS.containsKey(sig)) {
                    t = enumsBySignature.computeIfAbsent(sig, s -> {
                        String q = SHARED_ENUMS.get(s);
                        String p = BASE + "." + q.substring(0, q.indexOf('.'));
                        return new EnumType(p, p + "." + q.substring(q.indexOf('.') + 1), values, null);
                    });
                } else {
                    String simple = pascal(f.wire());
                    if (f.type().startsWith("array<") && simple.endsWith("s")) {
                        simple = simple.substring(0, simple.length() - 1);
                    }
                    final String nestedSimple = simple;
                    boolean clash = m.nested.stream().anyMatch(n -> n.simpleName().equals(nestedSimple));
                    if (clash) {
                        simple = simple + "Value";
                    }
                    t = new EnumType(pkg(m), pkg(m) + "." + m.name + "." + simple, values, m);
                    nestedEnums.computeIfAbsent(m, k -> new ArrayList<>()).add(t);
                }
                enumsByField.put(m.name + "." + f.wire(), t);
            }
        }
    }

    // ---------------------------------------------------------------- names and types

    static String pascal(String wire) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char ch : wire.toCharArray()) {
            if (ch == '_' || ch == '-' || ch == '[' || ch == ']') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }

    static String camel(String wire) {
        String p = pascal(wire);
        String c = Character.toLowerCase(p.charAt(0)) + p.substring(1);
        if (JAVA_KEYWORDS.contains(c)) {
            throw new IllegalStateException("field name is a Java keyword: " + wire);
        }
        return c;
    }

    static String constantName(String value) {
        String s = value.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
                .toUpperCase(Locale.ROOT);
        return Character.isDigit(s.charAt(0)) ? "V_" + s : s;
    }

    String javaType(Field f) {
        return javaType(f, f.type());
    }

    String javaType(Field f, String type) {
        if (type.startsWith("array<")) {
            return "java.util.List<" + javaType(f, type.substring(6, type.length() - 1)) + ">";
        }
        if (type.startsWith("map<string,")) {
            return "java.util.Map<String, " + javaType(f, type.substring(11, type.length() - 1)) + ">";
        }
        if (type.startsWith("enum{")) {
            if (isConstantType(f)) {
                return "String";
            }
            return enumsByField.get(f.model() + "." + f.wire()).qualified();
        }
        return switch (type) {
            case "string" -> "String";
            case "int32" -> "Integer";
            case "int64" -> "Long";
            case "double" -> "Double";
            case "boolean" -> "Boolean";
            case "object" -> "jakarta.json.JsonValue";
            case "binary" -> BASE + ".support.BinaryContent";
            default -> javaName(type);
        };
    }

    /** Shortens fully qualified names used in a file: same package or a nested type of the file's top. */
    static final class Imports {
        final String pkg;
        final Set<String> imports = new TreeSet<>();
        final Set<String> taken = new LinkedHashSet<>();

        Imports(String pkg, Set<String> localNames) {
            this.pkg = pkg;
            this.taken.addAll(localNames);
        }

        String use(String type) {
            Matcher m = Pattern.compile("[a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)+\\.[A-Z][A-Za-z0-9.]*").matcher(type);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(shorten(m.group())));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String shorten(String q) {
            int firstUpper = 0;
            while (!Character.isUpperCase(q.charAt(firstUpper))) {
                firstUpper = q.indexOf('.', firstUpper) + 1;
            }
            String p = q.substring(0, firstUpper - 1);
            String rest = q.substring(firstUpper);
            String top = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            if (p.equals(pkg) || p.equals("java.lang")) {
                return rest;
            }
            String importName = p + "." + top;
            if (imports.contains(importName)) {
                return rest;
            }
            if (taken.contains(top)) {
                return q;
            }
            taken.add(top);
            imports.add(importName);
            return rest;
        }
    }

    // ---------------------------------------------------------------- constraints read from the notes

    /** A check a builder makes before it builds; expressed as Java source. */
    record Check(String condition, String message) {}

    List<Check> checks(Model m) {
        List<Check> out = new ArrayList<>();
        for (Field f : m.fields) {
            String c = camel(f.wire());
            String label = m.name + "." + f.wire();
            String n = f.notes();
            if (f.required() && !f.nullable() && !isConstantType(f)) {
                out.add(new Check(c + " == null", label + " is required"));
            }
            Matcher max = Pattern.compile("\\bmax(?:/default)? (\\d+)( chars)?").matcher(n);
            boolean isInt = f.type().equals("int32") || f.type().equals("int64");
            if (max.find()) {
                String limit = max.group(1);
                if (max.group(2) != null && f.type().equals("string")) {
                    out.add(new Check(c + " != null && " + c + ".length() > " + limit,
                            label + " must be at most " + limit + " characters but has \" + " + c + ".length() + \""));
                } else if (isInt) {
                    String min = f.wire().equals("limit") ? "1" : "0";
                    out.add(new Check(c + " != null && (" + c + " < " + min + " || " + c + " > " + limit + ")",
                            label + " must be between " + min + " and " + limit + " but was \" + " + c + " + \""));
                } else if (f.type().startsWith("array<")) {
                    out.add(new Check(c + " != null && " + c + ".size() > " + limit,
                            label + " must have at most " + limit + " items but has \" + " + c + ".size() + \""));
                }
            }
            if (isInt && n.contains("non-negative")) {
                out.add(new Check(c + " != null && " + c + " < 0", label + " must not be negative but was \" + " + c + " + \""));
            }
            Matcher range = Pattern.compile("^(\\d+)-(\\d+)\\b").matcher(n);
            if (isInt && range.find()) {
                out.add(new Check(c + " != null && (" + c + " < " + range.group(1) + " || " + c + " > " + range.group(2) + ")",
                        label + " must be between " + range.group(1) + " and " + range.group(2) + " but was \" + " + c + " + \""));
            }
            if (f.type().equals("string") && n.contains("chars [a-zA-Z0-9_-] only")) {
                out.add(new Check(c + " != null && !" + c + ".matches(\"[a-zA-Z0-9_-]+\")",
                        label + " may contain only letters, digits, '_' and '-' but was '\" + " + c + " + \"'"));
            }
        }
        // Exclusive sources named in the notes ("exclusive with x", "set at most one of a / b / c").
        Set<Set<String>> groups = new LinkedHashSet<>();
        for (Field f : m.fields) {
            Matcher ex = Pattern.compile("exclusive with (\\w+)").matcher(f.notes());
            if (ex.find()) {
                groups.add(new TreeSet<>(List.of(ex.group(1), f.wire())));
            }
            Matcher one = Pattern.compile("set at most one of ([\\w /]+)").matcher(f.notes());
            if (one.find()) {
                groups.add(new TreeSet<>(List.of(one.group(1).trim().split("\\s*/\\s*"))));
            }
        }
        for (Set<String> g : groups) {
            String count = g.stream().map(w -> "(" + camel(w) + " != null ? 1 : 0)").collect(Collectors.joining(" + "));
            out.add(new Check(count + " > 1", m.name + ": set at most one of " + String.join(", ", g)));
        }
        return out;
    }

    // ---------------------------------------------------------------- writing

    void write(Path mainJava, Path testJava) throws IOException {
        Map<String, List<String>> catalog = new TreeMap<>();
        // Clear earlier output of every generated package (never the hand-written support package).
        for (String p : List.of("accounts", "agents", "axons", "benchmarks", "blueprints", "devboxes", "objects",
                "scenarios", "secrets", "networkpolicies", "gatewayconfigs", "mcpconfigs", "pty", "shared")) {
            Path dir = mainJava.resolve((BASE + "." + p).replace('.', '/'));
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
            }
        }
        Set<String> packages = new TreeSet<>();
        for (Model m : models.values()) {
            if (m.parent != null) {
                continue;
            }
            String pkg = pkg(m);
            packages.add(pkg);
            Imports imports = new Imports(pkg, localNames(m));
            StringBuilder body = new StringBuilder();
            writeType(m, imports, body, "", true);
            writeFile(mainJava, pkg, m.name, imports, body, packageOf(m.name));
        }
        for (EnumType e : enumsBySignature.values()) {
            packages.add(e.pkg());
            String simple = e.qualified().substring(e.qualified().lastIndexOf('.') + 1);
            Imports imports = new Imports(e.pkg(), Set.of(simple));
            StringBuilder body = new StringBuilder();
            writeEnum(e, simple, imports, body, "", true);
            writeFile(mainJava, e.pkg(), simple, imports, body, null);
        }
        for (String p : packages) {
            writePackageInfo(mainJava, p);
        }
        writeCatalog(testJava);
        writeReaders(mainJava);
        System.out.println("generated " + models.size() + " models in " + packages.size() + " packages");
    }

    Set<String> localNames(Model top) {
        Set<String> names = new LinkedHashSet<>();
        collectNames(top, names);
        names.add("Builder");
        names.add("Unknown");
        names.add("Json");
        names.add("ListJson");
        return names;
    }

    void collectNames(Model m, Set<String> names) {
        names.add(m.simpleName());
        for (EnumType e : nestedEnums.getOrDefault(m, List.of())) {
            names.add(e.qualified().substring(e.qualified().lastIndexOf('.') + 1));
        }
        for (Model n : m.nested) {
            collectNames(n, names);
        }
    }

    void writeFile(Path root, String pkg, String simple, Imports imports, StringBuilder body, String area)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("// Generated by runloop-model/generator/ModelGenerator.java from spec/models.tsv; do not edit.\n");
        out.append("package ").append(pkg).append(";\n\n");
        for (String i : imports.imports) {
            out.append("import ").append(i).append(";\n");
        }
        if (!imports.imports.isEmpty()) {
            out.append('\n');
        }
        out.append(body);
        Path file = root.resolve(pkg.replace('.', '/')).resolve(simple + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    void writePackageInfo(Path root, String pkg) throws IOException {
        String area = pkg.substring(pkg.lastIndexOf('.') + 1);
        String text = "// Generated by runloop-model/generator/ModelGenerator.java from spec/models.tsv; do not edit.\n"
                + "/**\n * Wire models of the Runloop API: " + describe(area) + ".\n"
                + " * <p>Records are immutable; request parameters are built with their {@code builder()}.\n */\n"
                + "package " + pkg + ";\n";
        Path file = root.resolve(pkg.replace('.', '/')).resolve("package-info.java");
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String describe(String area) {
        return switch (area) {
            case "accounts" -> "the account, API keys and restricted keys";
            case "agents" -> "agents and their sources";
            case "axons" -> "axons (event streams with an SQL store)";
            case "benchmarks" -> "benchmarks, benchmark runs and benchmark jobs";
            case "blueprints" -> "blueprints (devbox image builds)";
            case "devboxes" -> "devboxes, executions, files, disk snapshots, tunnels and logs";
            case "objects" -> "storage objects";
            case "scenarios" -> "scenarios, scenario runs, scoring functions and scorers";
            case "secrets" -> "secrets";
            case "networkpolicies" -> "network policies";
            case "gatewayconfigs" -> "gateway configs";
            case "mcpconfigs" -> "MCP configs";
            case "pty" -> "PTY sessions";
            default -> "types shared by several resources (launch parameters, mounts, lifecycle)";
        };
    }

    void writeType(Model m, Imports im, StringBuilder out, String ind, boolean top) {
        if (m.isUnion()) {
            writeUnion(m, im, out, ind, top);
        } else {
            writeRecord(m, im, out, ind, top);
        }
    }

    static String doc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;");
    }

    void writeUnion(Model m, Imports im, StringBuilder out, String ind, boolean top) {
        String name = m.simpleName();
        List<String> permits = new ArrayList<>();
        for (String v : m.variants.values()) {
            permits.add(im.use(javaName(v)));
        }
        permits.add(name + ".Unknown");
        out.append(ind).append("/**\n").append(ind).append(" * The {@code ").append(m.name)
                .append("} union of the Runloop API, discriminated by its {@code type} field:\n");
        for (Map.Entry<String, String> e : m.variants.entrySet()) {
            out.append(ind).append(" * {@code ").append(e.getKey()).append("} is {@link ")
                    .append(im.use(javaName(e.getValue()))).append("};\n");
        }
        out.append(ind).append(" * any other value reads as {@link Unknown}, which keeps the raw JSON and writes it back unchanged.\n");
        out.append(ind).append(" */\n");
        out.append(ind).append("public ").append(top ? "" : "static ").append("sealed interface ").append(name)
                .append(" permits ").append(String.join(", ", permits)).append(" {\n");
        String in = ind + "    ";
        out.append(in).append("/** @return the discriminator value naming the variant */\n");
        out.append(in).append("String type();\n\n");
        out.append(in).append("/**\n").append(in).append(" * A variant this SDK version does not know.\n")
                .append(in).append(" *\n").append(in).append(" * @param type the discriminator value, or null when absent\n")
                .append(in).append(" * @param raw  the whole JSON object as received\n").append(in).append(" */\n");
        String ser = im.use(BASE + ".support.UnknownVariantJson");
        out.append(in).append("@").append(im.use("jakarta.json.bind.annotation.JsonbTypeSerializer")).append("(")
                .append(ser).append(".class)\n");
        out.append(in).append("record Unknown(String type, ").append(im.use("jakarta.json.JsonObject"))
                .append(" raw) implements ").append(name).append(", ").append(im.use(BASE + ".support.UnknownVariant"))
                .append(" {\n");
        out.append(in).append("    /** Requires the raw object. */\n");
        out.append(in).append("    public Unknown {\n").append(in).append("        java.util.Objects.requireNonNull(raw, \"raw\");\n")
                .append(in).append("    }\n").append(in).append("}\n\n");
        out.append(in).append("/** Reads a {@code ").append(m.name).append("} value; used by JSON-B through annotations. */\n");
        out.append(in).append("final class Json extends ").append(im.use(BASE + ".support.UnionJson")).append("<")
                .append(name).append("> {\n");
        out.append(in).append("    /** Creates the reader. */\n");
        out.append(in).append("    public Json() {\n");
        out.append(in).append("        super(\"type\", java.util.Map.of(");
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : m.variants.entrySet()) {
            pairs.add("\"" + e.getKey() + "\", " + im.use(javaName(e.getValue())) + ".class");
        }
        out.append(String.join(",\n" + in + "                ", pairs)).append("), Unknown::new);\n");
        out.append(in).append("    }\n").append(in).append("}\n\n");
        out.append(in).append("/** Reads a JSON array of {@code ").append(m.name).append("} values. */\n");
        out.append(in).append("final class ListJson extends ").append(im.use(BASE + ".support.UnionListJson"))
                .append("<").append(name).append("> {\n");
        out.append(in).append("    /** Creates the reader. */\n");
        out.append(in).append("    public ListJson() {\n").append(in).append("        super(new Json());\n")
                .append(in).append("    }\n").append(in).append("}\n");
        for (Model n : m.nested) {
            out.append('\n');
            writeType(n, im, out, in, false);
        }
        out.append(ind).append("}\n");
    }

    static final Comparator<Field> REQUIRED_FIRST = Comparator.comparing(f -> !f.required());

    void writeRecord(Model m, Imports im, StringBuilder out, String ind, boolean top) {
        String name = m.simpleName();
        String in = ind + "    ";
        String prop = im.use("jakarta.json.bind.annotation.JsonbProperty");
        List<Field> fields = m.fields;
        // Javadoc
        out.append(ind).append("/**\n").append(ind).append(" * The {@code ").append(m.name).append("} model of the Runloop API");
        if (m.unionOf != null) {
            out.append(", the {@code ").append(constantOf(m)).append("} variant of {@link ")
                    .append(im.use(javaName(m.unionOf))).append("}");
        }
        out.append(".\n");
        if (m.name.endsWith("Params") || m.name.contains("Params.")) {
            out.append(ind).append(" * <p>Build it with {@link #builder()}; {@code build()} rejects missing required fields\n")
                    .append(ind).append(" * and values outside the ranges the API accepts, naming the field.\n");
        }
        out.append(ind).append(" *\n");
        for (Field f : fields) {
            String note = f.notes().isEmpty() ? "" : " " + doc(f.notes()) + ";";
            out.append(ind).append(" * @param ").append(camel(f.wire())).append(" wire {@code ").append(doc(f.wire()))
                    .append("};").append(note).append(f.required() ? " required" : " optional")
                    .append(f.nullable() ? ", may be null" : "").append('\n');
        }
        out.append(ind).append(" */\n");
        // Header
        out.append(ind).append("public ").append("record ").append(name).append("(");
        List<String> comps = new ArrayList<>();
        for (Field f : fields) {
            StringBuilder c = new StringBuilder();
            if (f.type().equals("binary")) {
                // Sent as a multipart part, never as JSON; JSON-B allows no other annotation beside this one.
                c.append("@").append(im.use("jakarta.json.bind.annotation.JsonbTransient"));
            } else {
                c.append("@").append(prop).append("(\"").append(f.wire()).append("\")");
            }
            if (f.required() && f.nullable()) {
                c.append(" @").append(im.use("jakarta.json.bind.annotation.JsonbNillable"));
            }
            String union = unionTarget(f.type());
            if (union != null) {
                c.append(" @").append(im.use("jakarta.json.bind.annotation.JsonbTypeDeserializer")).append("(")
                        .append(im.use(javaName(union))).append(f.type().startsWith("array<") ? ".ListJson" : ".Json")
                        .append(".class)");
            }
            c.append("\n").append(in).append("    ").append(im.use(javaType(f))).append(' ').append(camel(f.wire()));
            comps.add(c.toString());
        }
        out.append("\n").append(in).append("    ").append(String.join(",\n" + in + "    ", comps)).append(")");
        out.append(m.unionOf != null ? " implements " + im.use(javaName(m.unionOf)) : "").append(" {\n");
        // Compact constructor: unmodifiable copies, discriminator default.
        List<String> body = new ArrayList<>();
        for (Field f : fields) {
            String c = camel(f.wire());
            if (f.type().startsWith("array<")) {
                body.add(c + " = " + im.use(BASE + ".support.Copies") + ".list(" + c + ");");
            } else if (f.type().startsWith("map<")) {
                body.add(c + " = " + im.use(BASE + ".support.Copies") + ".map(" + c + ");");
            } else if (isConstantType(f) && m.unionOf != null) {
                // The discriminator decides the variant, so a variant never carries another value.
                body.add("if (" + c + " == null) {\n" + in + "        " + c + " = TYPE;\n" + in + "    } else if (!TYPE.equals("
                        + c + ")) {\n" + in + "        throw new " + im.use(BASE + ".support.ValidationException") + "(\""
                        + m.name + ".type must be '\" + TYPE + \"' but was '\" + " + c + " + \"'\");\n" + in + "    }");
            } else if (isConstantType(f)) {
                body.add("if (" + c + " == null) {\n" + in + "        " + c + " = TYPE;\n" + in + "    }");
            }
        }
        boolean hasConstant = fields.stream().anyMatch(ModelGenerator::isConstantType);
        if (hasConstant) {
            Field t = fields.stream().filter(ModelGenerator::isConstantType).findFirst().orElseThrow();
            out.append(in).append("/** The value of {@code type} this model always carries. */\n");
            out.append(in).append("public static final String TYPE = \"").append(enumValues(t.type()).get(0)).append("\";\n\n");
        }
        if (!body.isEmpty()) {
            out.append(in).append("/** Copies collections into unmodifiable ones").append(hasConstant ? " and fills in {@code type}" : "")
                    .append(". */\n");
            out.append(in).append("public ").append(name).append(" {\n");
            for (String b : body) {
                out.append(in).append("    ").append(b).append('\n');
            }
            out.append(in).append("}\n\n");
        }
        // Instant accessors beside epoch-millisecond fields.
        Set<String> componentNames = fields.stream().map(f -> camel(f.wire())).collect(Collectors.toSet());
        for (Field f : fields) {
            if (f.type().equals("int64") && f.wire().endsWith("_ms") && f.notes().toLowerCase(Locale.ROOT).contains("epoch")) {
                String c = camel(f.wire());
                String acc = camel(f.wire().substring(0, f.wire().length() - 3));
                if (componentNames.contains(acc)) {
                    acc = acc + "Instant";
                }
                String instant = im.use("java.time.Instant");
                out.append(in).append("/** @return {@code ").append(f.wire()).append("} as an instant, or null when absent */\n");
                out.append(in).append("public ").append(instant).append(' ').append(acc).append("() {\n");
                out.append(in).append("    return ").append(c).append(" == null ? null : ").append(instant)
                        .append(".ofEpochMilli(").append(c).append(");\n");
                out.append(in).append("}\n\n");
            }
        }
        writeBuilder(m, im, out, in);
        for (EnumType e : nestedEnums.getOrDefault(m, List.of())) {
            out.append('\n');
            writeEnum(e, e.qualified().substring(e.qualified().lastIndexOf('.') + 1), im, out, in, false);
        }
        for (Model n : m.nested) {
            out.append('\n');
            writeType(n, im, out, in, false);
        }
        out.append(ind).append("}\n");
    }

    String constantOf(Model variant) {
        Model union = models.get(variant.unionOf);
        return union.variants.entrySet().stream().filter(e -> e.getValue().equals(variant.name)).findFirst()
                .orElseThrow().getKey();
    }

    /** The union model a field holds (alone or as array items), or null. */
    String unionTarget(String type) {
        String t = type.startsWith("array<") ? type.substring(6, type.length() - 1) : type;
        Model m = models.get(t);
        return m != null && m.isUnion() ? m.name : null;
    }

    void writeBuilder(Model m, Imports im, StringBuilder out, String in) {
        String name = m.simpleName();
        List<Field> fields = m.fields;
        String i2 = in + "    ";
        out.append(in).append("/** @return a builder with no field set */\n");
        out.append(in).append("public static Builder builder() {\n").append(i2).append("return new Builder();\n")
                .append(in).append("}\n\n");
        out.append(in).append("/** @return a builder holding this record's values, to derive a changed copy */\n");
        out.append(in).append("public Builder toBuilder() {\n").append(i2).append("Builder b = new Builder();\n");
        for (Field f : fields) {
            String c = camel(f.wire());
            out.append(i2).append("b.").append(c).append(" = ").append(c).append(";\n");
        }
        out.append(i2).append("return b;\n").append(in).append("}\n\n");
        out.append(in).append("/** Builds {@link ").append(name).append("} values; {@link #build()} validates them. */\n");
        out.append(in).append("public static final class Builder {\n");
        for (Field f : fields) {
            out.append(i2).append("private ").append(im.use(javaType(f))).append(' ').append(camel(f.wire())).append(";\n");
        }
        out.append('\n').append(i2).append("private Builder() {\n").append(i2).append("}\n");
        for (Field f : fields) {
            if (isConstantType(f)) {
                continue; // fixed by the model; toBuilder() carries it over
            }
            String c = camel(f.wire());
            out.append('\n');
            out.append(i2).append("/**\n").append(i2).append(" * Sets {@code ").append(doc(f.wire())).append("}")
                    .append(f.notes().isEmpty() ? "" : ": " + doc(f.notes())).append(".\n");
            out.append(i2).append(" *\n").append(i2).append(" * @param ").append(c).append(" the value")
                    .append(f.required() && !f.nullable() ? "" : ", or null to leave it unset").append('\n');
            out.append(i2).append(" * @return this builder\n").append(i2).append(" */\n");
            out.append(i2).append("public Builder ").append(c).append("(").append(im.use(javaType(f))).append(' ')
                    .append(c).append(") {\n");
            out.append(i2).append("    this.").append(c).append(" = ").append(c).append(";\n");
            out.append(i2).append("    return this;\n").append(i2).append("}\n");
        }
        out.append('\n');
        out.append(i2).append("/**\n").append(i2).append(" * @return the record\n");
        if (!checks(m).isEmpty()) {
            out.append(i2).append(" * @throws ").append(im.use(BASE + ".support.ValidationException"))
                    .append(" when a required field is missing or a value is out of range\n");
        }
        out.append(i2).append(" */\n");
        out.append(i2).append("public ").append(name).append(" build() {\n");
        List<Check> checks = checks(m);
        String ve = checks.isEmpty() ? "" : im.use(BASE + ".support.ValidationException");
        for (Check ch : checks) {
            out.append(i2).append("    if (").append(ch.condition()).append(") {\n");
            String message = ("\"" + ch.message() + "\"").replace(" + \"\"", "");
            out.append(i2).append("        throw new ").append(ve).append("(").append(message).append(");\n");
            out.append(i2).append("    }\n");
        }
        out.append(i2).append("    return new ").append(name).append("(")
                .append(fields.stream().map(f -> camel(f.wire())).collect(Collectors.joining(", "))).append(");\n");
        out.append(i2).append("}\n");
        out.append(in).append("}\n");
    }

    void writeEnum(EnumType e, String simple, Imports im, StringBuilder out, String ind, boolean top) {
        String in = ind + "    ";
        String i2 = in + "    ";
        String ser = im.use("jakarta.json.bind.annotation.JsonbTypeSerializer");
        String des = im.use("jakarta.json.bind.annotation.JsonbTypeDeserializer");
        out.append(ind).append("/**\n").append(ind).append(" * An open set of wire values: the constants are the values this SDK knows; {@link #of(String)}\n")
                .append(ind).append(" * keeps any other value a newer server sends, and it is written back unchanged.\n")
                .append(ind).append(" *\n").append(ind).append(" * @param value the value as on the wire\n").append(ind).append(" */\n");
        out.append(ind).append("@").append(ser).append("(").append(simple).append(".Json.class)\n");
        out.append(ind).append("@").append(des).append("(").append(simple).append(".Json.class)\n");
        out.append(ind).append("public ").append("record ").append(simple).append("(String value) implements ")
                .append(im.use(BASE + ".support.OpenEnum")).append(" {\n");
        for (String v : e.values()) {
            out.append(in).append("/** Wire value {@code ").append(v).append("}. */\n");
            out.append(in).append("public static final ").append(simple).append(' ').append(constantName(v))
                    .append(" = new ").append(simple).append("(\"").append(v).append("\");\n");
        }
        out.append('\n');
        out.append(in).append("private static final java.util.Map<String, ").append(simple).append("> KNOWN = java.util.Map.ofEntries(");
        out.append(e.values().stream().map(v -> "\n" + i2 + "    java.util.Map.entry(\"" + v + "\", " + constantName(v) + ")")
                .collect(Collectors.joining(",")));
        out.append(");\n\n");
        out.append(in).append("/** Rejects a null value. */\n");
        out.append(in).append("public ").append(simple).append(" {\n").append(i2)
                .append("java.util.Objects.requireNonNull(value, \"value\");\n").append(in).append("}\n\n");
        out.append(in).append("/**\n").append(in).append(" * @param value a wire value, known or not\n").append(in)
                .append(" * @return the constant for a known value, else a new instance holding it\n").append(in).append(" */\n");
        out.append(in).append("public static ").append(simple).append(" of(String value) {\n");
        out.append(i2).append(simple).append(" known = KNOWN.get(value);\n");
        out.append(i2).append("return known != null ? known : new ").append(simple).append("(value);\n").append(in).append("}\n\n");
        out.append(in).append("/** @return the values this SDK version knows, in the API's order */\n");
        out.append(in).append("public static java.util.List<").append(simple).append("> knownValues() {\n");
        out.append(i2).append("return java.util.List.of(").append(e.values().stream().map(ModelGenerator::constantName).collect(Collectors.joining(", "))).append(");\n");
        out.append(in).append("}\n\n");
        out.append(in).append("@Override\n").append(in).append("public boolean isKnown() {\n").append(i2)
                .append("return KNOWN.containsKey(value);\n").append(in).append("}\n\n");
        out.append(in).append("@Override\n").append(in).append("public String toString() {\n").append(i2)
                .append("return value;\n").append(in).append("}\n\n");
        out.append(in).append("/** Maps the value to and from a JSON string; used by JSON-B through annotations. */\n");
        out.append(in).append("public static final class Json extends ").append(im.use(BASE + ".support.OpenEnumJson"))
                .append("<").append(simple).append("> {\n");
        out.append(i2).append("/** Creates the mapping. */\n");
        out.append(i2).append("public Json() {\n").append(i2).append("    super(").append(simple).append("::of);\n")
                .append(i2).append("}\n").append(in).append("}\n");
        out.append(ind).append("}\n");
    }

    void writeCatalog(Path testJava) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("// Generated by runloop-model/generator/ModelGenerator.java from spec/models.tsv; do not edit.\n");
        out.append("package ai.runloop.model.support;\n\n");
        out.append("import java.util.Map;\n\n");
        out.append("/** Every generated model type by its spec name; the tests hold these types to the spec. */\n");
        out.append("final class ModelCatalog {\n");
        out.append("    static final Map<String, Class<?>> BY_SPEC_NAME = Map.ofEntries(\n");
        List<String> entries = new ArrayList<>();
        for (Model m : models.values()) {
            String bin = pkg(m) + "." + m.name;
            entries.add("            Map.entry(\"" + m.name + "\", " + bin + ".class)");
        }
        out.append(String.join(",\n", entries)).append(");\n\n");
        out.append("    private ModelCatalog() {\n    }\n}\n");
        Path file = testJava.resolve("ai/runloop/model/support/ModelCatalog.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- streaming readers

    static final String READERS_PKG = BASE + ".internal.json";

    /** The class holding the readers of a model: one per model package, e.g. DevboxesReaders. */
    static String readerClass(Model m) {
        return pascal(packageOf(m.top().name)) + "Readers";
    }

    /** The reader method of a model, unique over all models (checked in writeReaders). */
    static String readerMethod(Model m) {
        return "read" + m.name.replace(".", "");
    }

    /** Helper methods of one readers file (list, map and enum readers), by name. */
    static final class ReaderFile {
        final Map<String, String> helpers = new TreeMap<>();
    }

    /**
     * Writes, for every record of the spec, a reader over a JSON-P parser that builds the record directly
     * with the same result as its JSON-B mapping: the same wire names (unknown ones skipped), open enums
     * through their {@code of}, unions by their discriminator with the {@code Unknown} fallback (a variant
     * read from the object's text, as UnionJson reads it), JSON null and absent fields as null (free-form
     * JSON null as JsonValue.NULL), maps as HashMaps and lists as ArrayLists handed to the canonical
     * constructor, which copies them as it does for JSON-B. Shapes JSON-B would convert or reject are
     * left to JSON-B (JsonReading.Mismatch).
     */
    void writeReaders(Path mainJava) throws IOException {
        Path dir = mainJava.resolve(READERS_PKG.replace('.', '/'));
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().endsWith("Readers.java")) {
                    Files.delete(f);
                }
            }
        }
        Set<String> methods = new java.util.HashSet<>();
        Map<String, List<Model>> byClass = new TreeMap<>();
        for (Model m : models.values()) {
            if (!methods.add(readerMethod(m))) {
                throw new IllegalStateException("two models would share the reader method " + readerMethod(m));
            }
            byClass.computeIfAbsent(readerClass(m), k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<String, List<Model>> entry : byClass.entrySet()) {
            ReaderFile file = new ReaderFile();
            StringBuilder body = new StringBuilder();
            for (Model m : entry.getValue()) {
                body.append('\n');
                if (m.isUnion()) {
                    writeUnionReader(m, body);
                } else {
                    writeRecordReader(m, file, body);
                }
            }
            String area = packageOf(entry.getValue().get(0).top().name);
            StringBuilder out = new StringBuilder();
            out.append("// Generated by runloop-model/generator/ModelGenerator.java from spec/models.tsv; do not edit.\n");
            out.append("package ").append(READERS_PKG).append(";\n\n");
            out.append("import jakarta.json.stream.JsonParser;\n");
            out.append("import jakarta.json.stream.JsonParser.Event;\n\n");
            out.append("/** Streaming readers of the records in {@code ").append(BASE).append('.').append(area)
                    .append("}, with the same result as their JSON-B mapping. */\n");
            out.append("public final class ").append(entry.getKey()).append(" {\n");
            out.append("    private ").append(entry.getKey()).append("() {\n    }\n");
            out.append(body);
            for (String helper : file.helpers.values()) {
                out.append('\n').append(helper);
            }
            out.append("}\n");
            Files.writeString(dir.resolve(entry.getKey() + ".java"), out.toString(), StandardCharsets.UTF_8);
        }
        writeReaderRegistry(dir);
    }

    void writeRecordReader(Model m, ReaderFile file, StringBuilder out) {
        String type = javaName(m.name);
        out.append("    /**\n     * Reads {@code ").append(m.name).append("}.\n     *\n")
                .append("     * @param p the parser, at the value\n     * @param e the value's first event\n")
                .append("     * @return the record, or null for JSON null\n     */\n");
        out.append("    public static ").append(type).append(' ').append(readerMethod(m)).append("(JsonParser p, Event e) {\n");
        out.append("        if (e == Event.VALUE_NULL) {\n            return null;\n        }\n");
        out.append("        JsonReading.startObject(e, \"").append(m.name).append("\");\n");
        List<Field> fields = m.fields;
        for (int i = 0; i < fields.size(); i++) {
            out.append("        ").append(javaType(fields.get(i))).append(" f").append(i).append(" = null; // ")
                    .append(fields.get(i).wire()).append('\n');
        }
        // Keys are matched by length, then equals: a switch on the string would hash every key the
        // parser hands out (a new String each time), which was a sixth of a DevboxView's decoding time.
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int i = 0; i < fields.size(); i++) {
            byLength.computeIfAbsent(fields.get(i).wire().length(), k -> new ArrayList<>()).add(i);
        }
        out.append("        while ((e = p.next()) != Event.END_OBJECT) {\n");
        out.append("            String key = p.getString();\n");
        if (!fields.isEmpty()) {
            out.append("            switch (key.length()) {\n");
            for (Map.Entry<Integer, List<Integer>> group : byLength.entrySet()) {
                out.append("                case ").append(group.getKey()).append(" -> {\n");
                String keyword = "if";
                for (int i : group.getValue()) {
                    Field f = fields.get(i);
                    out.append("                    ").append(keyword).append(" (key.equals(\"").append(f.wire())
                            .append("\")) {\n");
                    out.append("                        f").append(i).append(" = ")
                            .append(valueExpr(f, f.type(), "p.next()", file)).append(";\n");
                    out.append("                        continue;\n");
                    out.append("                    }\n");
                }
                out.append("                }\n");
            }
            out.append("                default -> {\n                }\n");
            out.append("            }\n");
        }
        out.append("            JsonReading.skip(p, p.next());\n");
        out.append("        }\n");
        out.append("        return new ").append(type).append('(');
        List<String> args = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            args.add("f" + i);
        }
        out.append(String.join(", ", args)).append(");\n    }\n");
    }

    void writeUnionReader(Model m, StringBuilder out) {
        String type = javaName(m.name);
        out.append("    /**\n     * Reads the {@code ").append(m.name).append("} union as UnionJson does: the variant named by\n")
                .append("     * {@code type}, read from the object's text, or {@code Unknown} with the raw object.\n     *\n")
                .append("     * @param p the parser, at the value\n     * @param e the value's first event\n")
                .append("     * @return the variant, or null for JSON null\n     */\n");
        out.append("    public static ").append(type).append(' ').append(readerMethod(m)).append("(JsonParser p, Event e) {\n");
        out.append("        if (e == Event.VALUE_NULL) {\n            return null;\n        }\n");
        out.append("        JsonReading.startObject(e, \"").append(m.name).append("\");\n");
        out.append("        jakarta.json.JsonObject raw = p.getObject();\n");
        out.append("        String type = JsonReading.discriminator(raw, \"type\");\n");
        out.append("        if (type != null) {\n            switch (type) {\n");
        for (Map.Entry<String, String> v : m.variants.entrySet()) {
            Model variant = models.get(v.getValue());
            out.append("                case \"").append(v.getKey()).append("\" -> {\n");
            out.append("                    try (JsonParser variant = JsonReading.parserOf(raw)) {\n");
            out.append("                        return ").append(readerClass(variant)).append('.').append(readerMethod(variant))
                    .append("(variant, variant.next());\n");
            out.append("                    }\n                }\n");
        }
        out.append("                default -> {\n                }\n            }\n        }\n");
        out.append("        return new ").append(type).append(".Unknown(type, raw);\n    }\n");
    }

    /** A Java expression reading a value of the given spec type, whose first event is eventExpr. */
    String valueExpr(Field f, String type, String eventExpr, ReaderFile file) {
        if (type.startsWith("array<") || type.startsWith("map<string,")) {
            boolean list = type.startsWith("array<");
            String inner = type.substring(list ? 6 : 11, type.length() - 1);
            String javaType = javaType(f, type);
            String name = (list ? "list" : "map") + typeId(javaType(f, inner));
            if (!file.helpers.containsKey(name)) {
                file.helpers.put(name, "");
                file.helpers.put(name, list ? listHelper(name, javaType, valueExpr(f, inner, "e", file))
                        : mapHelper(name, javaType, valueExpr(f, inner, "e", file)));
            }
            return name + "(p, " + eventExpr + ")";
        }
        if (type.startsWith("enum{")) {
            if (isConstantType(f)) {
                return "JsonReading.string(p, " + eventExpr + ")";
            }
            String enumType = enumsByField.get(f.model() + "." + f.wire()).qualified();
            String name = "enum" + typeId(enumType);
            file.helpers.computeIfAbsent(name, n -> "    private static " + enumType + " " + n + "(JsonParser p, Event e) {\n"
                    + "        String text = JsonReading.enumText(p, e);\n"
                    + "        return text == null ? null : " + enumType + ".of(text);\n    }\n");
            return name + "(p, " + eventExpr + ")";
        }
        return switch (type) {
            case "string" -> "JsonReading.string(p, " + eventExpr + ")";
            case "int32" -> "JsonReading.int32(p, " + eventExpr + ")";
            case "int64" -> "JsonReading.int64(p, " + eventExpr + ")";
            case "double" -> "JsonReading.float64(p, " + eventExpr + ")";
            case "boolean" -> "JsonReading.bool(p, " + eventExpr + ")";
            case "object" -> "JsonReading.json(p, " + eventExpr + ")";
            case "binary" -> "JsonReading.<" + BASE + ".support.BinaryContent>onlyNull(" + eventExpr + ")";
            default -> {
                Model target = models.get(type);
                if (target == null) {
                    throw new IllegalStateException("no reader for type " + type + " of " + f.model() + "." + f.wire());
                }
                yield readerClass(target) + "." + readerMethod(target) + "(p, " + eventExpr + ")";
            }
        };
    }

    static String typeId(String javaType) {
        String t = javaType.replace(BASE + ".", "").replace("java.util.", "").replace("jakarta.json.", "")
                .replace("java.lang.", "");
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char ch : t.toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            } else {
                up = true;
            }
        }
        return sb.toString();
    }

    static String listHelper(String name, String javaType, String element) {
        return "    private static " + javaType + " " + name + "(JsonParser p, Event e) {\n"
                + "        if (e == Event.VALUE_NULL) {\n            return null;\n        }\n"
                + "        JsonReading.startArray(e);\n"
                + "        " + javaType + " out = new java.util.ArrayList<>();\n"
                + "        while ((e = p.next()) != Event.END_ARRAY) {\n"
                + "            out.add(" + element + ");\n"
                + "        }\n        return out;\n    }\n";
    }

    static String mapHelper(String name, String javaType, String value) {
        return "    private static " + javaType + " " + name + "(JsonParser p, Event e) {\n"
                + "        if (e == Event.VALUE_NULL) {\n            return null;\n        }\n"
                + "        JsonReading.startObject(e, \"a map\");\n"
                + "        // A HashMap filled in document order, as JSON-B builds it: the record's copy then iterates alike.\n"
                + "        " + javaType + " out = new java.util.HashMap<>();\n"
                + "        while ((e = p.next()) != Event.END_OBJECT) {\n"
                + "            String key = p.getString();\n"
                + "            e = p.next();\n"
                + "            out.put(key, " + value + ");\n"
                + "        }\n        return out;\n    }\n";
    }

    void writeReaderRegistry(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("// Generated by runloop-model/generator/ModelGenerator.java from spec/models.tsv; do not edit.\n");
        out.append("package ").append(READERS_PKG).append(";\n\n");
        out.append("/** The generated reader of every model record, by type. */\n");
        out.append("public final class ModelReaders {\n");
        out.append("    private ModelReaders() {\n    }\n\n");
        out.append("    /**\n     * @param type a type to read\n")
                .append("     * @return its generated reader, or null when the type is not a model record\n     */\n");
        out.append("    public static ValueReader<?> forType(Class<?> type) {\n");
        out.append("        // By name, so that only the requested reader's method reference is ever linked.\n");
        out.append("        return switch (type.getName()) {\n");
        for (Model m : models.values()) {
            if (m.isUnion()) {
                continue; // JSON-B cannot read a union interface itself either; only its properties
            }
            out.append("            case \"").append(pkg(m)).append('.').append(m.name.replace('.', '$')).append("\" -> ")
                    .append(readerClass(m)).append("::").append(readerMethod(m)).append(";\n");
        }
        out.append("            default -> null;\n        };\n    }\n}\n");
        Files.writeString(dir.resolve("ModelReaders.java"), out.toString(), StandardCharsets.UTF_8);
    }
}
