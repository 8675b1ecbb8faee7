package ai.runloop.transport.vertx;

import ai.runloop.api.spi.tck.TransportDiscoveryTck;

/** The Vert.x transport is found on the module path and the class path, and outranks the JDK one. */
class VertxTransportDiscoveryTest extends TransportDiscoveryTck {

    @Override
    protected String expectedProviderName() {
        return VertxHttpTransportProvider.NAME;
    }
}
