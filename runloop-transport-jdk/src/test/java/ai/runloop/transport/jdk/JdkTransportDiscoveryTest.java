package ai.runloop.transport.jdk;

import ai.runloop.api.spi.tck.TransportDiscoveryTck;

/** The JDK transport is found on the module path and on the class path. */
class JdkTransportDiscoveryTest extends TransportDiscoveryTck {

    @Override
    protected String expectedProviderName() {
        return JdkHttpTransportProvider.NAME;
    }
}
