package ai.runloop.transport.vertx;

import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.tck.HttpTransportTlsTck;

/** Runs the TLS and proxy part of the transport TCK against the Vertx transport. */
class VertxHttpTransportTlsTckTest extends HttpTransportTlsTck {

    @Override
    protected HttpTransportProvider provider() {
        return new VertxHttpTransportProvider();
    }
}
