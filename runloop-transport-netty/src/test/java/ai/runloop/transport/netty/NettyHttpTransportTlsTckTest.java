package ai.runloop.transport.netty;

import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.tck.HttpTransportTlsTck;

/** Runs the TLS and proxy part of the transport TCK against the Netty transport. */
class NettyHttpTransportTlsTckTest extends HttpTransportTlsTck {

    @Override
    protected HttpTransportProvider provider() {
        return new NettyHttpTransportProvider();
    }
}
