package ai.runloop.transport.netty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.api.spi.tck.HttpTransportTck;
import org.junit.jupiter.api.Test;

/** Runs the transport TCK against the Netty transport. */
class NettyHttpTransportTckTest extends HttpTransportTck {

    @Override
    protected HttpTransportProvider provider() {
        return new NettyHttpTransportProvider();
    }

    /** The claim that lets the pipeline drop its backstop; the TCK's stall tests hold the transport to it. */
    @Test
    void enforcesTimeoutsItself() {
        try (HttpTransport transport = provider().create(TransportOptions.defaults())) {
            assertTrue(transport.enforcesTimeouts());
        }
    }
}
