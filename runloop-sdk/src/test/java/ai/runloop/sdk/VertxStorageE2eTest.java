package ai.runloop.sdk;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.transport.vertx.VertxTransports;

/** The storage-object end-to-end suite on the Vert.x transport. */
class VertxStorageE2eTest extends AbstractStorageE2e {
    @Override
    protected HttpTransport transport(TransportOptions options) {
        return VertxTransports.create(options);
    }
}
