package ai.runloop.transport.vertx;

import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.tck.HttpTransportTck;

/** Runs the transport TCK against the Vert.x transport. */
class VertxHttpTransportTckTest extends HttpTransportTck {

    @Override
    protected HttpTransportProvider provider() {
        return new VertxHttpTransportProvider();
    }
}
