package ai.runloop.transport.jdk;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.transport.jdk.internal.JdkHttpTransport;

/**
 * Provides the transport on {@code java.net.http.HttpClient}: name {@value #NAME}, priority
 * {@value #PRIORITY} (the lowest of the SDK's transports).
 *
 * <p>Found by {@link java.util.ServiceLoader}; it may also be instantiated directly to pass a
 * transport to a client explicitly. What the JDK client cannot honour of {@link TransportOptions}:
 * {@linkplain TransportOptions#maxConnections(ai.runloop.api.spi.RequestKind) connection limits} (the
 * JDK opens connections as needed; each request kind still has its own client and connections) and
 * {@linkplain TransportOptions#h2cPriorKnowledge() h2c prior knowledge} (the JDK upgrades cleartext
 * connections with {@code Upgrade: h2c} instead).
 *
 * <p>The JDK client reads responses in buffers of {@code jdk.httpclient.bufsize} bytes, a system property
 * it reads once per JVM (16 KiB by default). Unless it is set, creating a transport sets it to 64 KiB
 * first: a 1 GiB download is then 16 thousand reads and buffers instead of 65 thousand, which the
 * transfer benchmark measured at about a quarter less CPU time. Set the property yourself to keep
 * another value.
 */
public final class JdkHttpTransportProvider implements HttpTransportProvider {

    /** The provider name. */
    public static final String NAME = "jdk";

    /** The provider priority: the lowest, so that any other transport present is preferred. */
    public static final int PRIORITY = 0;

    private static final String READ_BUFFER_PROPERTY = "jdk.httpclient.bufsize";
    private static final int READ_BUFFER_SIZE = 64 * 1024;

    /** Creates the provider; cheap, as {@link java.util.ServiceLoader} requires. */
    public JdkHttpTransportProvider() {
    }

    /**
     * The provider name.
     *
     * @return {@value #NAME}
     */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * The provider priority.
     *
     * @return {@value #PRIORITY}
     */
    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * Creates a transport; its {@code HttpClient}s are built on first use, one per request kind.
     *
     * @param options the transport options
     * @return a new transport
     */
    @Override
    public HttpTransport create(TransportOptions options) {
        if (System.getProperty(READ_BUFFER_PROPERTY) == null) {
            System.setProperty(READ_BUFFER_PROPERTY, Integer.toString(READ_BUFFER_SIZE));
        }
        return new JdkHttpTransport(options);
    }
}
