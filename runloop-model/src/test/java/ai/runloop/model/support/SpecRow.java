package ai.runloop.model.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row of the wire spec (spec/models.tsv, a copy of the API reference). */
record SpecRow(String model, String field, String type, boolean required, boolean nullable, String notes) {

    boolean isUnionRow() {
        return notes.startsWith("discriminated union on ");
    }

    /** @return the rows of every model, in spec order */
    static Map<String, List<SpecRow>> byModel() {
        Map<String, List<SpecRow>> out = new LinkedHashMap<>();
        try (InputStream in = SpecRow.class.getResourceAsStream("/spec/models.tsv")) {
            if (in == null) {
                throw new IllegalStateException("spec/models.tsv is not on the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                SpecRow row = new SpecRow(c[0], c[1], c[2], c[3].equals("yes"), c[4].equals("yes"), c.length > 5 ? c[5] : "");
                out.computeIfAbsent(row.model(), k -> new ArrayList<>()).add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
