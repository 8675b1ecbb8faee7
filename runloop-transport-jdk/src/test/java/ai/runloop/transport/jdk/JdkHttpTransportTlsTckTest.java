package ai.runloop.transport.jdk;

import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.tck.HttpTransportTlsTck;

/** Runs the TLS and proxy part of the transport TCK against the Jdk transport. */
class JdkHttpTransportTlsTckTest extends HttpTransportTlsTck {

    @Override
    protected HttpTransportProvider provider() {
        return new JdkHttpTransportProvider();
    }
}
