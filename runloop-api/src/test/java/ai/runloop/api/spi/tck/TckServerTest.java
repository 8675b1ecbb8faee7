package ai.runloop.api.spi.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import org.junit.jupiter.api.Test;

/** The TCK's own echo server answers as the TCK expects, checked without any transport. */
class TckServerTest {

    @Test
    void echoReturnsTheBodyAndDescribesTheRequest() throws Exception {
        try (TckServer server = new TckServer()) {
            HttpURLConnection connection = (HttpURLConnection) server.uri("/echo").toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setRequestProperty("X-Tck-Probe", "yes");
            byte[] body = TestData.bytes(5000, 9);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            assertEquals(200, connection.getResponseCode());
            assertEquals("PUT", connection.getHeaderField("X-Echo-Method"));
            assertEquals("5000", connection.getHeaderField("X-Echo-Content-Length"));
            assertEquals("yes", connection.getHeaderField("X-Tck-Probe"));
            assertArrayEquals(body, connection.getInputStream().readAllBytes());
        }
    }
}
