package ai.runloop.api.spi;

/**
 * A factory of {@link HttpTransport}s, found with {@link java.util.ServiceLoader}.
 *
 * <p>Implementations must have a public no-argument constructor (or a public static
 * {@code provider()} method on the module path) that is cheap: the loader instantiates every provider
 * it finds to read its {@link #name()} and {@link #priority()}, even those not chosen. Heavy objects
 * (clients, thread pools, event loops) belong in {@link #create(TransportOptions)} or later.
 */
public interface HttpTransportProvider {

    /**
     * The name users select this provider by, with the system property {@code runloop.transport} or
     * the environment variable {@code RUNLOOP_TRANSPORT}: {@code jdk}, {@code netty} or
     * {@code vertx} for the SDK's own transports.
     *
     * @return a short, lower-case, constant name
     */
    String name();

    /**
     * The rank of this provider when no name is requested: the highest wins. The JDK transport
     * uses {@code 0}; transports on third-party libraries rank above it, so adding their jar
     * switches to them.
     *
     * @return the priority, constant for a provider
     */
    int priority();

    /**
     * Creates a transport. The transport may create its underlying clients lazily, on first use.
     *
     * @param options the neutral transport options, already validated
     * @return a new transport that the caller owns and must {@linkplain HttpTransport#close() close}
     */
    HttpTransport create(TransportOptions options);
}
