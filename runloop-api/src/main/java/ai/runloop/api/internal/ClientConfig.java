package ai.runloop.api.internal;

import ai.runloop.api.spi.HttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The settled configuration of one client. Holds the API key; its {@link #toString()} never shows it.
 *
 * @param apiKey          the bearer token
 * @param baseUri         the API's base URL without a trailing slash
 * @param headers         headers sent on every request (env and builder, builder winning)
 * @param timeout         the default timeout of one attempt
 * @param timeoutIsDefault whether the timeout was left at its default (then long operations get 600 s)
 * @param maxRetries      retries after the first attempt
 * @param initialBackoff  the first retry delay when the server gives none
 * @param maxBackoff      the cap of the retry delay
 * @param transport       the transport requests go through
 */
public record ClientConfig(String apiKey, URI baseUri, Map<String, String> headers, Duration timeout,
                           boolean timeoutIsDefault, int maxRetries, Duration initialBackoff, Duration maxBackoff,
                           HttpTransport transport) {

    /** The request timeout the official clients use. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The timeout of long operations (exec, file transfer, snapshot) while the client timeout is default. */
    public static final Duration LONG_TIMEOUT = Duration.ofSeconds(600);

    /** Copies the headers. */
    public ClientConfig {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "ClientConfig{baseUri=" + baseUri + ", apiKey=<redacted>, headers=" + headers.keySet() + ", timeout="
                + timeout + ", maxRetries=" + maxRetries + ", transport=" + transport.getClass().getName() + '}';
    }
}
