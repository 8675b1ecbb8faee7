package ai.runloop.transport.jdk.internal;

import ai.runloop.api.spi.TransportException;
import ai.runloop.api.spi.TransportException.Reason;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;

/** Maps the JDK client's failures to a classified {@link TransportException}. */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static TransportException classify(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TransportException) {
            return (TransportException) cause;
        }
        Reason reason = reasonOf(cause);
        return new TransportException(reason, what + " failed (" + reason + "): " + cause, cause);
    }

    private static Reason reasonOf(Throwable failure) {
        // The JDK sometimes wraps the specific exception in a generic one: look along the cause chain.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return Reason.CONNECT_TIMEOUT;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return Reason.TIMEOUT;
            }
            if (t instanceof CancellationException) {
                return Reason.CANCELLED;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                    || t instanceof SSLHandshakeException) {
                return Reason.CONNECT;
            }
        }
        return Reason.IO;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
