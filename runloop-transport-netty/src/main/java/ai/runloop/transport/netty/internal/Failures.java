package ai.runloop.transport.netty.internal;

import ai.runloop.api.spi.TransportException;
import ai.runloop.api.spi.TransportException.Reason;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;

/** Maps Netty's failures to a classified {@link TransportException}. */
final class Failures {

    private Failures() {
    }

    /** A failure while the connection was being made (TCP, proxy tunnel, TLS handshake). */
    static TransportException connect(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TransportException) {
            return (TransportException) cause;
        }
        Reason reason = Reason.CONNECT;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof SslHandshakeTimeoutException) {
                reason = Reason.CONNECT_TIMEOUT;
                break;
            }
        }
        return new TransportException(reason, what + " failed (" + reason + "): " + cause, cause);
    }

    /** A failure during the exchange, on an established connection. */
    static TransportException exchange(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TransportException) {
            return (TransportException) cause;
        }
        Reason reason = Reason.IO;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CancellationException) {
                reason = Reason.CANCELLED;
                break;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                    || t instanceof SSLHandshakeException || t instanceof ProxyConnectException) {
                return connect(cause, what);
            }
        }
        return new TransportException(reason, what + " failed (" + reason + "): " + cause, cause);
    }

    static TransportException of(Reason reason, String message) {
        return new TransportException(reason, message, null);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
