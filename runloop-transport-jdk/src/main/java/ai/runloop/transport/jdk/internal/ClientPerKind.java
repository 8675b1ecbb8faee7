package ai.runloop.transport.jdk.internal;

import ai.runloop.api.spi.RequestKind;
import ai.runloop.api.spi.TransportOptions;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;

/**
 * One {@link HttpClient} per {@link RequestKind}, each built on first use (building one costs about
 * 0.3 s cold). Separate clients have separate connection pools, so long polls and transfers never
 * take the connections of ordinary calls.
 */
final class ClientPerKind {

    private final TransportOptions options;
    private final Map<RequestKind, HttpClient> clients = new EnumMap<>(RequestKind.class);

    ClientPerKind(TransportOptions options) {
        this.options = options;
    }

    synchronized HttpClient get(RequestKind kind) {
        return clients.computeIfAbsent(kind, ignored -> build());
    }

    /** Forgets the clients; the JDK 17 client has no close and frees its threads once unreachable. */
    synchronized void clear() {
        clients.clear();
    }

    private HttpClient build() {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(options.preferHttp2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        options.proxy().ifPresent(proxy -> builder.proxy(ProxySelector.of(proxy)));
        options.sslContext().ifPresent(builder::sslContext);
        return builder.build();
    }
}
