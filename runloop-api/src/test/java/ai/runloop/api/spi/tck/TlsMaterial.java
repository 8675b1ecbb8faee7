package ai.runloop.api.spi.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed server certificate made at test time with the JDK's {@code keytool} (no certificate
 * files in the repository, nothing to expire), and the TLS contexts of a server presenting it and of a
 * client trusting it.
 */
final class TlsMaterial {
    private static final char[] PASSWORD = "tck-only".toCharArray();

    private final KeyStore keyStore;

    private TlsMaterial(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    /**
     * @param dir            where the key store is written
     * @param subjectAltName the certificate's names, as keytool's {@code SAN=} extension value
     * @return a new key pair and certificate
     */
    static TlsMaterial create(Path dir, String subjectAltName) {
        Path file = dir.resolve("tls-" + Integer.toHexString(subjectAltName.hashCode()) + ".p12");
        try {
            Files.deleteIfExists(file);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=runloop-tck", "-validity", "2",
                    "-ext", "SAN=" + subjectAltName, "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            return new TlsMaterial(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a context that presents the certificate */
    SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** @return a context that trusts the certificate and nothing else */
    SSLContext clientContext() throws GeneralSecurityException {
        KeyStore trust;
        try {
            trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        trust.setCertificateEntry("server", keyStore.getCertificate("server"));
        TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusted.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trusted.getTrustManagers(), null);
        return context;
    }
}
