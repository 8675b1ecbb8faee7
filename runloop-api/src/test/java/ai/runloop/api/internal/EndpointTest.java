package ai.runloop.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Path placeholders are read as the regex {@code \{(\w+)}} would read them, without a regex. */
class EndpointTest {

    @Test
    void placeholdersOfTheApiPaths() {
        assertEquals(List.of("devbox_id", "execution_id"),
                Endpoint.placeholders("/v1/devboxes/{devbox_id}/executions/{execution_id}/wait_for_status"));
        assertEquals(List.of("id"), Endpoint.placeholders("/v1/devboxes/{id}"));
        assertEquals(List.of(), Endpoint.placeholders("/v1/devboxes"));
    }

    @Test
    void malformedPlaceholdersAreSkippedLikeTheRegexSkipsThem() {
        assertEquals(List.of("b"), Endpoint.placeholders("{a{b}"));
        assertEquals(List.of("a", "b"), Endpoint.placeholders("{a}{b}"));
        assertEquals(List.of(), Endpoint.placeholders("{}"));
        assertEquals(List.of(), Endpoint.placeholders("{a-b}"));
        assertEquals(List.of(), Endpoint.placeholders("/x/{a"));
        assertEquals(List.of("a"), Endpoint.placeholders("}{a}}"));
    }

    @Test
    void agreesWithTheRegexOnRandomTemplates() {
        Pattern placeholder = Pattern.compile("\\{(\\w+)}");
        Random random = new Random(7);
        String alphabet = "{}{}a_Z9-/. ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder template = new StringBuilder();
            for (int n = random.nextInt(16); n > 0; n--) {
                template.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Matcher matcher = placeholder.matcher(template);
            List<String> expected = matcher.results().map(m -> m.group(1)).toList();
            assertEquals(expected, Endpoint.placeholders(template.toString()), template.toString());
        }
    }
}
