package ai.runloop.sdk;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.transport.netty.NettyTransports;

/** The resources end-to-end suite on the Netty transport. */
class NettyResourcesE2eTest extends AbstractResourcesE2e {
    @Override
    protected HttpTransport transport(TransportOptions options) {
        return NettyTransports.create(options);
    }
}
