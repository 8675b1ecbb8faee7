package ai.runloop.emulator.internal.resources;

import ai.runloop.emulator.internal.server.ApiException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A tiny in-memory SQL store for one axon. It understands a deliberately small dialect and answers
 * 400 (naming {@code sql}) for anything else:
 * <ul>
 *   <li>{@code CREATE TABLE [IF NOT EXISTS] t (col TYPE, ...)}, {@code DROP TABLE [IF EXISTS] t}</li>
 *   <li>{@code INSERT INTO t [(cols)] VALUES (v, ...)[, (...)]}</li>
 *   <li>{@code SELECT * | col, ... | COUNT(*) FROM t [WHERE c] [ORDER BY col [ASC|DESC]] [LIMIT n]}</li>
 *   <li>{@code UPDATE t SET col = v, ... [WHERE c]}, {@code DELETE FROM t [WHERE c]}</li>
 * </ul>
 * where a value is {@code ?} (bound from {@code params} in order), a number, a {@code 'string'} or
 * {@code NULL}, and a condition is {@code col op value} joined by {@code AND}, op one of
 * {@code = != <> < <= > >=}. Result rows are arrays of values in column order. Not thread-safe: the
 * caller synchronises on the instance.
 */
final class SqlTables {
    private Map<String, Table> tables = new LinkedHashMap<>();

    private static final class Table {
        final List<String> columns = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        final List<List<Object>> rows = new ArrayList<>();

        Table copy() {
            Table t = new Table();
            t.columns.addAll(columns);
            t.types.addAll(types);
            rows.forEach(r -> t.rows.add(new ArrayList<>(r)));
            return t;
        }

        int index(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).equalsIgnoreCase(column)) {
                    return i;
                }
            }
            throw bad("no column " + column);
        }
    }

    /** The result of one statement, in the shape of SqlQueryResultView. */
    JsonObject execute(String sql, JsonArray params) {
        long start = System.nanoTime();
        Parser p = new Parser(sql, params == null ? new JsonArray() : params);
        JsonObject result = p.statement();
        double ms = (System.nanoTime() - start) / 1e6;
        result.getJsonObject("meta").put("duration_ms", ms).put("rows_read_limit_reached", false);
        return result;
    }

    /** Runs statements atomically: when one fails, every change of the batch is undone. */
    JsonArray batch(JsonArray statements) {
        Map<String, Table> saved = new LinkedHashMap<>();
        tables.forEach((k, v) -> saved.put(k, v.copy()));
        JsonArray results = new JsonArray();
        boolean failed = false;
        for (int i = 0; i < statements.size(); i++) {
            if (!(statements.getValue(i) instanceof JsonObject st) || !(st.getValue("sql") instanceof String sql)) {
                throw ApiException.badRequest("statements", "statements[" + i + "] needs a sql string");
            }
            if (failed) {
                results.add(new JsonObject().put("error", new JsonObject().put("message", "not run: the batch was rolled back")));
                continue;
            }
            try {
                Object params = st.getValue("params");
                results.add(new JsonObject().put("success", execute(sql, params instanceof JsonArray a ? a : null)));
            } catch (ApiException e) {
                failed = true;
                tables = saved;
                results.add(new JsonObject().put("error", new JsonObject().put("message", e.getMessage())));
            }
        }
        return results;
    }

    private static ApiException bad(String message) {
        return ApiException.badRequest("sql", "unsupported or invalid SQL for the emulator's axon store: " + message);
    }

    private final class Parser {
        private final List<String> tokens = new ArrayList<>();
        private final JsonArray params;
        private int pos;
        private int nextParam;

        Parser(String sql, JsonArray params) {
            this.params = params;
            int i = 0;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '\'') {
                    StringBuilder sb = new StringBuilder("'");
                    i++;
                    while (true) {
                        if (i >= sql.length()) {
                            throw bad("unterminated string");
                        }
                        if (sql.charAt(i) == '\'') {
                            if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                                sb.append('\'');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        sb.append(sql.charAt(i++));
                    }
                    tokens.add(sb.toString());
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || (c == '-' && i + 1 < sql.length()
                        && Character.isDigit(sql.charAt(i + 1)) && (tokens.isEmpty() || !isValueEnd(tokens.get(tokens.size() - 1))))) {
                    int j = i + 1;
                    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '.')) {
                        j++;
                    }
                    tokens.add(sql.substring(i, j));
                    i = j;
                } else if ((c == '<' || c == '>' || c == '!') && i + 1 < sql.length() && (sql.charAt(i + 1) == '=' || sql.charAt(i + 1) == '>')) {
                    tokens.add(sql.substring(i, i + 2));
                    i += 2;
                } else if ("(),*?=<>;".indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    throw bad("unexpected character '" + c + "'");
                }
            }
            while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equals(";")) {
                tokens.remove(tokens.size() - 1);
            }
        }

        private boolean isValueEnd(String t) {
            return Character.isLetterOrDigit(t.charAt(0)) || t.equals(")") || t.equals("?") || t.startsWith("'");
        }

        private String peek() {
            return pos < tokens.size() ? tokens.get(pos) : "";
        }

        private boolean accept(String word) {
            if (peek().equalsIgnoreCase(word)) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(String word) {
            if (!accept(word)) {
                throw bad("expected " + word + " near '" + peek() + "'");
            }
        }

        private String ident() {
            String t = peek();
            if (t.isEmpty() || !(Character.isLetter(t.charAt(0)) || t.charAt(0) == '_')) {
                throw bad("expected a name near '" + t + "'");
            }
            pos++;
            return t;
        }

        private Object value() {
            String t = peek();
            pos++;
            if (t.equals("?")) {
                if (nextParam >= params.size()) {
                    throw bad("more ? placeholders than params");
                }
                return params.getValue(nextParam++);
            }
            if (t.startsWith("'")) {
                return t.substring(1);
            }
            if (t.equalsIgnoreCase("NULL")) {
                return null;
            }
            if (t.equalsIgnoreCase("TRUE") || t.equalsIgnoreCase("FALSE")) {
                return t.equalsIgnoreCase("TRUE") ? 1L : 0L;
            }
            try {
                return t.contains(".") ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw bad("expected a value near '" + t + "'");
            }
        }

        private void end() {
            if (pos != tokens.size()) {
                throw bad("unexpected '" + peek() + "'");
            }
        }

        private Table table(String name) {
            Table t = tables.get(name.toLowerCase(Locale.ROOT));
            if (t == null) {
                throw bad("no such table: " + name);
            }
            return t;
        }

        JsonObject statement() {
            String verb = peek().toUpperCase(Locale.ROOT);
            pos++;
            return switch (verb) {
                case "CREATE" -> create();
                case "DROP" -> drop();
                case "INSERT" -> insert();
                case "SELECT" -> select();
                case "UPDATE" -> update();
                case "DELETE" -> delete();
                default -> throw bad("statement " + (verb.isEmpty() ? "(empty)" : verb) + " is not supported");
            };
        }

        private JsonObject changes(int n) {
            return new JsonObject().put("columns", new JsonArray()).put("rows", new JsonArray())
                    .put("meta", new JsonObject().put("changes", n));
        }

        private JsonObject create() {
            expect("TABLE");
            boolean ifNotExists = false;
            if (accept("IF")) {
                expect("NOT");
                expect("EXISTS");
                ifNotExists = true;
            }
            String name = ident();
            Table t = new Table();
            expect("(");
            do {
                t.columns.add(ident());
                StringBuilder type = new StringBuilder();
                while (!peek().equals(",") && !peek().equals(")") && !peek().isEmpty()) {
                    String tok = tokens.get(pos++);
                    if (type.length() == 0) {
                        type.append(tok.toUpperCase(Locale.ROOT));
                    }
                }
                t.types.add(affinity(type.toString()));
            } while (accept(","));
            expect(")");
            end();
            String key = name.toLowerCase(Locale.ROOT);
            if (tables.containsKey(key)) {
                if (ifNotExists) {
                    return changes(0);
                }
                throw bad("table " + name + " already exists");
            }
            tables.put(key, t);
            return changes(0);
        }

        private String affinity(String declared) {
            if (declared.contains("INT")) {
                return "INTEGER";
            }
            if (declared.contains("CHAR") || declared.contains("TEXT") || declared.contains("CLOB")) {
                return "TEXT";
            }
            if (declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB")) {
                return "REAL";
            }
            return declared.contains("BLOB") ? "BLOB" : "";
        }

        private JsonObject drop() {
            expect("TABLE");
            boolean ifExists = false;
            if (accept("IF")) {
                expect("EXISTS");
                ifExists = true;
            }
            String name = ident();
            end();
            if (tables.remove(name.toLowerCase(Locale.ROOT)) == null && !ifExists) {
                throw bad("no such table: " + name);
            }
            return changes(0);
        }

        private JsonObject insert() {
            expect("INTO");
            Table t = table(ident());
            List<Integer> cols = new ArrayList<>();
            if (accept("(")) {
                do {
                    cols.add(t.index(ident()));
                } while (accept(","));
                expect(")");
            } else {
                for (int i = 0; i < t.columns.size(); i++) {
                    cols.add(i);
                }
            }
            expect("VALUES");
            int n = 0;
            List<List<Object>> added = new ArrayList<>();
            do {
                expect("(");
                List<Object> row = new ArrayList<>();
                t.columns.forEach(c -> row.add(null));
                int i = 0;
                do {
                    if (i >= cols.size()) {
                        throw bad("more values than columns");
                    }
                    row.set(cols.get(i++), value());
                } while (accept(","));
                expect(")");
                if (i != cols.size()) {
                    throw bad("fewer values than columns");
                }
                added.add(row);
                n++;
            } while (accept(","));
            end();
            t.rows.addAll(added);
            return changes(n);
        }

        private List<int[]> where(Table t, List<Object> values) {
            List<int[]> conds = new ArrayList<>();
            if (!accept("WHERE")) {
                return conds;
            }
            do {
                int col = t.index(ident());
                String op = peek();
                if (!List.of("=", "!=", "<>", "<", "<=", ">", ">=").contains(op)) {
                    throw bad("unsupported operator '" + op + "'");
                }
                pos++;
                values.add(value());
                conds.add(new int[] {col, List.of("=", "!=", "<>", "<", "<=", ">", ">=").indexOf(op)});
            } while (accept("AND"));
            return conds;
        }

        private boolean matches(List<Object> row, List<int[]> conds, List<Object> values) {
            for (int i = 0; i < conds.size(); i++) {
                Object a = row.get(conds.get(i)[0]);
                Object b = values.get(i);
                int op = conds.get(i)[1];
                if (a == null || b == null) {
                    return false;
                }
                int c = compare(a, b);
                boolean ok = switch (op) {
                    case 0 -> c == 0;
                    case 1, 2 -> c != 0;
                    case 3 -> c < 0;
                    case 4 -> c <= 0;
                    case 5 -> c > 0;
                    default -> c >= 0;
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private JsonObject select() {
            String first = peek();
            if (!first.isEmpty() && (Character.isDigit(first.charAt(0)) || first.startsWith("'") || first.equals("?")
                    || first.equalsIgnoreCase("NULL"))) {
                return selectLiterals();
            }
            List<String> names = new ArrayList<>();
            boolean star = false;
            boolean count = false;
            if (accept("*")) {
                star = true;
            } else if (peek().equalsIgnoreCase("COUNT")) {
                pos++;
                expect("(");
                expect("*");
                expect(")");
                count = true;
            } else {
                do {
                    names.add(ident());
                } while (accept(","));
            }
            expect("FROM");
            Table t = table(ident());
            List<Object> values = new ArrayList<>();
            List<int[]> conds = where(t, values);
            int order = -1;
            boolean desc = false;
            if (accept("ORDER")) {
                expect("BY");
                order = t.index(ident());
                desc = accept("DESC");
                if (!desc) {
                    accept("ASC");
                }
            }
            long limit = Long.MAX_VALUE;
            if (accept("LIMIT")) {
                Object l = value();
                if (!(l instanceof Number num)) {
                    throw bad("LIMIT needs a number");
                }
                limit = num.longValue();
            }
            end();
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> row : t.rows) {
                if (matches(row, conds, values)) {
                    rows.add(row);
                }
            }
            if (order >= 0) {
                int o = order;
                Comparator<List<Object>> cmp = (x, y) -> compareNullable(x.get(o), y.get(o));
                rows.sort(desc ? cmp.reversed() : cmp);
            }
            JsonArray columns = new JsonArray();
            JsonArray out = new JsonArray();
            if (count) {
                columns.add(new JsonObject().put("name", "COUNT(*)").put("type", "INTEGER"));
                out.add(new JsonArray().add(rows.size()));
            } else {
                List<Integer> idx = new ArrayList<>();
                if (star) {
                    for (int i = 0; i < t.columns.size(); i++) {
                        idx.add(i);
                    }
                } else {
                    names.forEach(n -> idx.add(t.index(n)));
                }
                idx.forEach(i -> columns.add(new JsonObject().put("name", t.columns.get(i)).put("type", t.types.get(i))));
                rows.stream().limit(limit).forEach(row -> {
                    JsonArray r = new JsonArray();
                    idx.forEach(i -> r.add(row.get(i)));
                    out.add(r);
                });
            }
            return new JsonObject().put("columns", columns).put("rows", out).put("meta", new JsonObject().put("changes", 0));
        }

        /** {@code SELECT 1, 'a'} without FROM: one row of constants, as SQL engines answer. */
        private JsonObject selectLiterals() {
            JsonArray columns = new JsonArray();
            JsonArray row = new JsonArray();
            do {
                String label = peek();
                Object v = value();
                String type = v == null ? "NULL" : v instanceof String ? "TEXT" : v instanceof Double ? "REAL" : "INTEGER";
                columns.add(new JsonObject().put("name", label).put("type", type));
                row.add(v);
            } while (accept(","));
            end();
            return new JsonObject().put("columns", columns).put("rows", new JsonArray().add(row))
                    .put("meta", new JsonObject().put("changes", 0));
        }

        private JsonObject update() {
            Table t = table(ident());
            expect("SET");
            List<Integer> cols = new ArrayList<>();
            List<Object> newValues = new ArrayList<>();
            do {
                cols.add(t.index(ident()));
                expect("=");
                newValues.add(value());
            } while (accept(","));
            List<Object> values = new ArrayList<>();
            List<int[]> conds = where(t, values);
            end();
            int n = 0;
            for (List<Object> row : t.rows) {
                if (matches(row, conds, values)) {
                    for (int i = 0; i < cols.size(); i++) {
                        row.set(cols.get(i), newValues.get(i));
                    }
                    n++;
                }
            }
            return changes(n);
        }

        private JsonObject delete() {
            expect("FROM");
            Table t = table(ident());
            List<Object> values = new ArrayList<>();
            List<int[]> conds = where(t, values);
            end();
            int before = t.rows.size();
            t.rows.removeIf(row -> matches(row, conds, values));
            return changes(before - t.rows.size());
        }
    }

    private static int compareNullable(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compare(a, b);
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Number) {
            return -1;
        }
        if (b instanceof Number) {
            return 1;
        }
        return Objects.toString(a).compareTo(Objects.toString(b));
    }
}
