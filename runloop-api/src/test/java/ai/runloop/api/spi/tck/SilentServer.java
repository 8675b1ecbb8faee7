package ai.runloop.api.spi.tck;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that misbehaves: it accepts a connection, reads the request head, optionally
 * writes the start of a response, and then never says more — or, made with {@code hangUp}, closes the
 * connection at once, cutting the response short. It notices when the client closes the connection.
 */
final class SilentServer implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final byte[] partialResponse;
    private final boolean hangUp;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> requestArrived = new CompletableFuture<>();
    private final CompletableFuture<Void> connectionClosed = new CompletableFuture<>();

    /**
     * Starts the server.
     *
     * @param partialResponse bytes to write after the request head (the start of a response), or an
     *     empty array to answer nothing
     */
    SilentServer(byte[] partialResponse) throws IOException {
        this(partialResponse, false);
    }

    /**
     * Starts the server.
     *
     * @param partialResponse bytes to write after the request head
     * @param hangUp          whether to close the connection right after them
     */
    SilentServer(byte[] partialResponse, boolean hangUp) throws IOException {
        this.partialResponse = partialResponse;
        this.hangUp = hangUp;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tck-silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort() + path);
    }

    /** Completes when the first request head has been read. */
    CompletableFuture<Void> requestArrived() {
        return requestArrived;
    }

    /** Completes when the client has closed (or reset) the first connection. */
    CompletableFuture<Void> connectionClosed() {
        return connectionClosed;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptLoop() {
        try {
            while (!serverSocket.isClosed()) {
                Socket socket = serverSocket.accept();
                sockets.add(socket);
                Thread reader = new Thread(() -> serve(socket), "tck-silent-connection");
                reader.setDaemon(true);
                reader.start();
            }
        } catch (IOException closed) {
            // The server socket was closed: stop accepting.
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            readHead(in);
            requestArrived.complete(null);
            socket.getOutputStream().write(partialResponse);
            socket.getOutputStream().flush();
            if (hangUp) {
                return; // closed by try-with-resources: the client sees the end of the stream mid-body
            }
            // Discard anything else the client sends until it closes the connection.
            while (in.read() >= 0) {
                // keep reading
            }
        } catch (IOException reset) {
            // A reset counts as closed.
        }
        connectionClosed.complete(null);
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < end.length && (b = in.read()) >= 0; ) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
