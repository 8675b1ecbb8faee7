package ai.runloop.transport.jdk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.api.spi.tck.HttpTransportTck;
import org.junit.jupiter.api.Test;

/** Runs the transport TCK against the JDK transport. */
class JdkHttpTransportTckTest extends HttpTransportTck {

    @Override
    protected HttpTransportProvider provider() {
        return new JdkHttpTransportProvider();
    }

    /** The claim that lets the pipeline drop its backstop; the TCK's stall tests hold the transport to it. */
    @Test
    void enforcesTimeoutsItself() {
        try (HttpTransport transport = provider().create(TransportOptions.defaults())) {
            assertTrue(transport.enforcesTimeouts());
        }
    }
}
