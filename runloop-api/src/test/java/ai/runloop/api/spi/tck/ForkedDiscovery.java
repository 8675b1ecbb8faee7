package ai.runloop.api.spi.tck;

import ai.runloop.api.internal.transport.TransportDiscovery;
import ai.runloop.api.spi.HttpTransportProvider;

/**
 * The child JVM of the discovery tests: prints {@code chosen=<name>} for the provider that
 * discovery picks (honouring {@code -Drunloop.transport}) and {@code module=<its module name>} (or
 * {@code unnamed}), or {@code error=<message>}.
 */
public final class ForkedDiscovery {

    private ForkedDiscovery() {
    }

    /**
     * Runs discovery once.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try {
            HttpTransportProvider chosen = TransportDiscovery.fromServiceLoader().select(TransportDiscovery.requestedName());
            System.out.println("chosen=" + chosen.name());
            Module module = chosen.getClass().getModule();
            System.out.println("module=" + (module.isNamed() ? module.getName() : "unnamed"));
        } catch (IllegalStateException e) {
            System.out.println("error=" + e.getMessage());
        }
    }
}
