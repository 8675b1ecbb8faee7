package ai.runloop.sdk;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.transport.vertx.VertxTransports;

/** The devbox end-to-end suite on the Vert.x transport. */
class VertxDevboxE2eTest extends AbstractDevboxE2e {
    @Override
    protected HttpTransport transport(TransportOptions options) {
        return VertxTransports.create(options);
    }
}
