package ai.runloop.sdk;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.transport.netty.NettyTransports;

/** The storage-object end-to-end suite on the Netty transport. */
class NettyStorageE2eTest extends AbstractStorageE2e {
    @Override
    protected HttpTransport transport(TransportOptions options) {
        return NettyTransports.create(options);
    }
}
