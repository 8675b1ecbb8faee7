package ai.runloop.transport.jdk;

import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.tck.HttpTransportTck;

/** Runs the transport TCK against the JDK transport. */
class JdkHttpTransportTckTest extends HttpTransportTck {

    @Override
    protected HttpTransportProvider provider() {
        return new JdkHttpTransportProvider();
    }
}
