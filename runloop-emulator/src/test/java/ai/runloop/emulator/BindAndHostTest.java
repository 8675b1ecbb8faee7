package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.emulator.internal.cli.EmulatorMain;
import ai.runloop.emulator.internal.server.RunloopEmulatorHosts;
import ai.runloop.emulator.junit.EmulatorToken;
import ai.runloop.emulator.junit.RunloopEmulatorTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bind option and URLs built from the caller's Host (what a published container port needs); tests bind 127.0.0.1 only. */
@RunloopEmulatorTest
class BindAndHostTest {

    @Test
    void bindDefaultsToLoopbackAndWildcardsAnswerWithALoopbackUrl() {
        assertEquals("127.0.0.1", RunloopEmulatorHosts.urlHost("0.0.0.0"));
        assertEquals("127.0.0.1", RunloopEmulatorHosts.urlHost("::"));
        assertEquals("[::1]", RunloopEmulatorHosts.urlHost("::1"));
        assertEquals("10.1.2.3", RunloopEmulatorHosts.urlHost("10.1.2.3"));
        assertTrue(RunloopEmulatorHosts.isLoopback("127.0.0.1"));
        assertTrue(!RunloopEmulatorHosts.isLoopback("0.0.0.0"));
        assertThrows(IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--token", "t", "--bind"}));
        assertThrows(IllegalArgumentException.class, () -> RunloopEmulator.builder().bind(" "));
        try (RunloopEmulator e = EmulatorMain.parse(new String[] {"--token", "t", "--bind", "127.0.0.1", "--port", "0"}).build().start()) {
            assertTrue(e.baseUrl().toString().startsWith("http://127.0.0.1:"), e.baseUrl().toString());
        }
    }

    @Test
    void presignedUrlsFollowTheHostTheCallerUsed(RunloopEmulator emulator, @EmulatorToken String token) throws Exception {
        String body = "{\"name\":\"h.txt\",\"content_type\":\"text\"}";
        String answer;
        try (Socket s = new Socket("127.0.0.1", emulator.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/objects HTTP/1.1\r\nHost: emulator.example:4242\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            answer = all.toString(StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("\"upload_url\":\"http://emulator.example:4242/_presigned/objects/"), answer);
    }
}
