package ai.runloop.sdk;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.transport.jdk.JdkHttpTransportProvider;

/** The devbox end-to-end suite on the JDK transport. */
class JdkDevboxE2eTest extends AbstractDevboxE2e {
    @Override
    protected HttpTransport transport(TransportOptions options) {
        return new JdkHttpTransportProvider().create(options);
    }
}
