package ai.runloop.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    @Test
    void joinsLinesAcrossChunksAndDeliversTheLastOne() {
        List<String> lines = new ArrayList<>();
        LineSplitter s = new LineSplitter(lines::add);
        for (String chunk : new String[]{"al", "pha\nbe", "ta\r\n", "\n", "🌍 gam", "ma"}) {
            s.accept(chunk);
        }
        assertEquals(List.of("alpha", "beta", ""), lines);
        s.finish();
        assertEquals(List.of("alpha", "beta", "", "🌍 gamma"), lines);
        s.finish();
        assertEquals(4, lines.size());
    }
}
