package ai.runloop.transport.vertx.internal;

import ai.runloop.api.spi.TransportException;
import ai.runloop.api.spi.TransportException.Reason;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Maps Vert.x (and underlying Netty) failures to a classified {@link TransportException}. Netty's
 * exception types are matched by name, so this module needs no Netty module of its own.
 */
final class Failures {

    private Failures() {
    }

    /** A failure while getting a connection for the request. */
    static TransportException connect(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TransportException) {
            return (TransportException) cause;
        }
        Reason reason = isConnectTimeout(cause) ? Reason.CONNECT_TIMEOUT : isConnectFailure(cause) ? Reason.CONNECT : Reason.IO;
        return new TransportException(reason, what + " failed (" + reason + "): " + cause, cause);
    }

    /** A failure during the exchange. */
    static TransportException exchange(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TransportException) {
            return (TransportException) cause;
        }
        if (isConnectTimeout(cause) || isConnectFailure(cause)) {
            return connect(cause, what);
        }
        return new TransportException(Reason.IO, what + " failed (IO): " + cause, cause);
    }

    static TransportException of(Reason reason, String message) {
        return new TransportException(reason, message, null);
    }

    private static boolean isConnectTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("ConnectTimeoutException") || name.equals("SslHandshakeTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                    || t instanceof SSLHandshakeException || t.getClass().getSimpleName().equals("ProxyConnectException")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
