package ai.runloop.transport.vertx.internal;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.net.SSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Makes Vert.x use the {@link SSLContext} given in the transport options (its trust and keys) instead of
 * building one from Vert.x's own key and trust options. Vert.x still chooses the protocols, ciphers and
 * ALPN names and whether the host name is checked (it is, by default).
 */
final class GivenSslContextOptions extends SSLEngineOptions {
    private final SSLContext context;

    GivenSslContextOptions(SSLContext context) {
        this.context = context;
    }

    @Override
    public SSLEngineOptions copy() {
        return new GivenSslContextOptions(context);
    }

    @Override
    public SslContextFactory sslContextFactory() {
        return new Factory(context);
    }

    /** One Netty context per Vert.x request for one, from what Vert.x asks for. */
    private static final class Factory implements SslContextFactory {
        private final SSLContext context;
        private boolean alpn;
        private List<String> applicationProtocols = List.of();
        private Set<String> protocols;
        private Set<String> cipherSuites;
        private String endpointIdentification;

        Factory(SSLContext context) {
            this.context = context;
        }

        @Override
        public SslContextFactory useAlpn(boolean useAlpn) {
            this.alpn = useAlpn;
            return this;
        }

        @Override
        public SslContextFactory forClient(SNIServerName serverName, String endpointIdentificationAlgorithm) {
            // "HTTPS" when Vert.x verifies the host name (its default for HTTP clients).
            this.endpointIdentification = endpointIdentificationAlgorithm;
            return this;
        }

        @Override
        public SslContextFactory applicationProtocols(List<String> names) {
            this.applicationProtocols = names == null ? List.of() : List.copyOf(names);
            return this;
        }

        @Override
        public SslContextFactory enabledProtocols(Set<String> enabled) {
            this.protocols = enabled;
            return this;
        }

        @Override
        public SslContextFactory enabledCipherSuites(Set<String> enabled) {
            this.cipherSuites = enabled;
            return this;
        }

        @Override
        public SslContext create() {
            ApplicationProtocolConfig apn = alpn && !applicationProtocols.isEmpty()
                    ? new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, applicationProtocols)
                    : ApplicationProtocolConfig.DISABLED;
            SslContext jdk = new JdkSslContext(context, true, cipherSuites == null || cipherSuites.isEmpty() ? null : cipherSuites,
                    IdentityCipherSuiteFilter.INSTANCE, apn, ClientAuth.NONE,
                    protocols == null || protocols.isEmpty() ? null : protocols.toArray(String[]::new), false);
            String algorithm = endpointIdentification;
            if (algorithm == null || algorithm.isEmpty()) {
                return jdk;
            }
            // A context made from an SSLContext has no host check of its own; each engine gets it here.
            return new DelegatingSslContext(jdk) {
                @Override
                protected void initEngine(SSLEngine engine) {
                    SSLParameters parameters = engine.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm(algorithm);
                    engine.setSSLParameters(parameters);
                }
            };
        }
    }
}
