package ai.runloop.api.spi.tck;

import ai.runloop.api.internal.transport.TransportDiscovery;
import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.RequestBody;
import ai.runloop.api.spi.RequestKind;
import ai.runloop.api.spi.TransportOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of the capped-heap upload test: uploads a file with the named transport and
 * prints the server's answer. Run with a heap smaller than the file, it proves the transport
 * streams the file. Exit code 0 on status 200.
 */
public final class ForkedUpload {

    private ForkedUpload() {
    }

    /**
     * Uploads a file.
     *
     * @param args provider name, target URI, file path
     * @throws Exception never deliberately: any failure ends the JVM with a stack trace
     */
    public static void main(String[] args) throws Exception {
        System.out.println("max heap: " + Runtime.getRuntime().maxMemory());
        try (HttpTransport transport = TransportDiscovery.fromServiceLoader().select(args[0])
                .create(TransportOptions.defaults())) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(args[1]))
                    .method("PUT", RequestBody.ofFile(Path.of(args[2]), "application/octet-stream"))
                    .kind(RequestKind.TRANSFER)
                    .build();
            try (HttpResponse response = transport.send(request).get(120, TimeUnit.SECONDS)) {
                System.out.println("status=" + response.status());
                System.out.println("answer=" + new String(response.bodyBytes(), StandardCharsets.US_ASCII));
                System.exit(response.status() == 200 ? 0 : 2);
            }
        }
    }
}
