package ai.runloop.transport.netty;

import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.tck.HttpTransportTck;

/** Runs the transport TCK against the Netty transport. */
class NettyHttpTransportTckTest extends HttpTransportTck {

    @Override
    protected HttpTransportProvider provider() {
        return new NettyHttpTransportProvider();
    }
}
