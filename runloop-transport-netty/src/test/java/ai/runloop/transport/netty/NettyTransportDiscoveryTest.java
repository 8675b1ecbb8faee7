package ai.runloop.transport.netty;

import ai.runloop.api.spi.tck.TransportDiscoveryTck;

/** The Netty transport is found on the module path and the class path, and outranks the JDK one. */
class NettyTransportDiscoveryTest extends TransportDiscoveryTck {

    @Override
    protected String expectedProviderName() {
        return NettyHttpTransportProvider.NAME;
    }
}
