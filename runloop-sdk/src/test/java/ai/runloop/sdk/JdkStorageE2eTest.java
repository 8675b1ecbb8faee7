package ai.runloop.sdk;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.transport.jdk.JdkHttpTransportProvider;

/** The storage-object end-to-end suite on the JDK transport. */
class JdkStorageE2eTest extends AbstractStorageE2e {
    @Override
    protected HttpTransport transport(TransportOptions options) {
        return new JdkHttpTransportProvider().create(options);
    }
}
