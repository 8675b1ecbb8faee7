package ai.runloop.api.spi.tck;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port that never completes a connection: a listening socket that never accepts, whose
 * accept queue is filled, so the kernel drops further connection attempts and they time out.
 */
final class FullBacklogServer implements AutoCloseable {

    private static final int MAX_FILLERS = 64;

    private final ServerSocket serverSocket;
    private final List<Socket> fillers = new ArrayList<>();
    private final boolean full;

    FullBacklogServer() throws IOException {
        serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        boolean timedOut = false;
        while (!timedOut && fillers.size() < MAX_FILLERS) {
            Socket filler = new Socket();
            fillers.add(filler);
            try {
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverSocket.getLocalPort()), 200);
            } catch (SocketTimeoutException e) {
                timedOut = true;
            }
        }
        // One more attempt must time out too, so a single slow connect is not mistaken for a full queue.
        full = timedOut && attemptTimesOut();
    }

    private boolean attemptTimesOut() throws IOException {
        Socket probe = new Socket();
        fillers.add(probe);
        try {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverSocket.getLocalPort()), 200);
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    /** Whether a connection attempt was seen to time out, so the next ones will too. */
    boolean isFull() {
        return full;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort() + path);
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
        serverSocket.close();
    }
}
