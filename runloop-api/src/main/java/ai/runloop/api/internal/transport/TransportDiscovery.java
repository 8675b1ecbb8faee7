package ai.runloop.api.internal.transport;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.TransportOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Finds the HTTP transport to use, first match wins: a transport given explicitly; the provider
 * named by the system property {@value #PROPERTY} or the environment variable {@value #ENV}; the
 * provider of highest priority. A provider whose own dependencies are missing is skipped.
 *
 * <p>{@link #fromServiceLoader()} calls {@link ServiceLoader#load} from this module, which declares
 * {@code uses ai.runloop.api.spi.HttpTransportProvider}.
 */
public final class TransportDiscovery {

    /** The system property that names the transport to use. */
    public static final String PROPERTY = "runloop.transport";

    /** The environment variable that names the transport to use, when the property is not set. */
    public static final String ENV = "RUNLOOP_TRANSPORT";

    private static final System.Logger LOG = System.getLogger(TransportDiscovery.class.getName());
    private static final String ARTIFACTS = "ai.runloop:runloop-transport-jdk (needs nothing but the JDK), "
            + "ai.runloop:runloop-transport-netty or ai.runloop:runloop-transport-vertx";
    private static final int MAX_LOAD_ERRORS = 64;

    private final Supplier<List<Iterator<HttpTransportProvider>>> sources;

    private TransportDiscovery(Supplier<List<Iterator<HttpTransportProvider>>> sources) {
        this.sources = sources;
    }

    /**
     * Discovery through {@link ServiceLoader}, with the thread's context class loader and this
     * module's own class loader (module path and class path).
     *
     * @return the discovery
     */
    public static TransportDiscovery fromServiceLoader() {
        return new TransportDiscovery(() -> {
            List<Iterator<HttpTransportProvider>> iterators = new ArrayList<>();
            ClassLoader own = TransportDiscovery.class.getClassLoader();
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null && context != own) {
                iterators.add(ServiceLoader.load(HttpTransportProvider.class, context).iterator());
            }
            iterators.add(ServiceLoader.load(HttpTransportProvider.class, own).iterator());
            return iterators;
        });
    }

    /**
     * Discovery over given providers, for tests. The iterator may throw
     * {@link ServiceConfigurationError} like {@link ServiceLoader}'s.
     *
     * @param providers a fresh iterator of the providers on each call
     * @return the discovery
     */
    public static TransportDiscovery of(Supplier<Iterator<HttpTransportProvider>> providers) {
        Objects.requireNonNull(providers, "providers");
        return new TransportDiscovery(() -> List.of(providers.get()));
    }

    /**
     * The transport to use: the explicit one if given, else a new one from {@link #select(String)}
     * with the name from {@link #requestedName()}.
     *
     * @param explicit a transport the user passed, or {@code null}
     * @param options the options for a new transport
     * @return the explicit transport, or a new one the caller owns
     * @throws IllegalStateException if no suitable provider is found; the message says what was
     *     found and which artifact to add
     */
    public HttpTransport transport(HttpTransport explicit, TransportOptions options) {
        if (explicit != null) {
            return explicit;
        }
        return select(requestedName()).create(options);
    }

    /**
     * The name requested by the system property {@value #PROPERTY}, else by the environment
     * variable {@value #ENV}; blank values count as absent.
     *
     * @return the lower-cased name, or {@code null} if none is requested
     */
    public static String requestedName() {
        return requestedName(System::getProperty, System::getenv);
    }

    static String requestedName(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String name = properties.apply(PROPERTY);
        if (name == null || name.isBlank()) {
            name = environment.apply(ENV);
        }
        return name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Chooses a provider: the one with the requested name, or else the one of highest priority
     * (ties broken by name). When several are usable, logs one DEBUG line listing them and the
     * chosen one.
     *
     * @param requestedName a provider name, or {@code null} for the highest priority
     * @return the chosen provider
     * @throws IllegalStateException if no provider has the requested name, or none is usable
     */
    public HttpTransportProvider select(String requestedName) {
        Found found = load();
        if (found.usable.isEmpty() && requestedName == null) {
            throw new IllegalStateException("No Runloop HTTP transport found on the class path or module path. Add "
                    + ARTIFACTS + "." + found.skippedSentence());
        }
        Candidate chosen;
        if (requestedName != null) {
            chosen = found.usable.stream()
                    .filter(candidate -> candidate.name.equalsIgnoreCase(requestedName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Runloop HTTP transport named '" + requestedName
                            + "' (requested by the system property " + PROPERTY + " or the environment variable "
                            + ENV + "). Found: " + found.usableList() + "." + found.skippedSentence()
                            + " Add the artifact of that transport (" + ARTIFACTS + ") or request one of those found."));
        } else {
            chosen = found.usable.get(0);
        }
        if (found.usable.size() > 1) {
            LOG.log(System.Logger.Level.DEBUG, "Runloop HTTP transports found: {0}; chosen: {1}",
                    found.usableList(), chosen.name);
        }
        return chosen.provider;
    }

    private Found load() {
        Found found = new Found();
        Set<String> seen = new HashSet<>();
        for (Iterator<HttpTransportProvider> iterator : sources.get()) {
            int errors = 0;
            while (errors < MAX_LOAD_ERRORS) {
                HttpTransportProvider provider;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    provider = iterator.next();
                } catch (ServiceConfigurationError | LinkageError e) {
                    errors++;
                    found.skip("a provider that could not be loaded", e);
                    continue;
                }
                try {
                    Candidate candidate = new Candidate(provider, provider.name(), provider.priority());
                    // The context and the module's own loader may both list the same provider.
                    if (seen.add(provider.getClass().getName() + '/' + candidate.name)) {
                        found.usable.add(candidate);
                    }
                } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                    found.skip(provider.getClass().getName(), e);
                }
            }
        }
        if (found.usable.size() > 1) {
            // Only then: the comparator's lambdas are made at run time, a few milliseconds of a cold start.
            found.usable.sort(Comparator.comparingInt((Candidate c) -> c.priority).reversed()
                    .thenComparing(c -> c.name));
        }
        return found;
    }

    private static final class Candidate {
        final HttpTransportProvider provider;
        final String name;
        final int priority;

        Candidate(HttpTransportProvider provider, String name, int priority) {
            this.provider = provider;
            this.name = Objects.requireNonNull(name, "provider name");
            this.priority = priority;
        }

        @Override
        public String toString() {
            return name + " (priority " + priority + ")";
        }
    }

    private static final class Found {
        final List<Candidate> usable = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        void skip(String what, Throwable error) {
            Throwable root = error;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // ServiceLoader wraps a provider's failure; the root names the missing class.
            String reason = what + ": " + error + (root == error ? "" : " (caused by " + root + ")");
            skipped.add(reason);
            LOG.log(System.Logger.Level.DEBUG, "Skipping Runloop HTTP transport provider " + reason, error);
        }

        String usableList() {
            return usable.isEmpty() ? "none" : usable.stream().map(Candidate::toString).collect(Collectors.joining(", "));
        }

        String skippedSentence() {
            return skipped.isEmpty() ? "" : " Skipped because their own dependencies are missing or broken: "
                    + String.join("; ", skipped) + ".";
        }
    }
}
