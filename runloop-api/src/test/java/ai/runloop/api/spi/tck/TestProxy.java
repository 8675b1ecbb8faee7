package ai.runloop.api.spi.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal HTTP proxy on 127.0.0.1, a thread per connection: {@code CONNECT host:port} opens a tunnel,
 * any other request in absolute form ({@code GET http://host:port/path}) is passed on to its origin as it
 * came. It records the first line of every connection, so a test sees that traffic went through it.
 */
final class TestProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> firstLines = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    TestProxy() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "tck-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the proxy's address */
    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** @return the first line of each connection so far */
    synchronized List<String> firstLines() {
        return List.copyOf(firstLines);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                track(client);
                Thread t = new Thread(() -> serve(client), "tck-proxy-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private synchronized void track(Socket socket) {
        sockets.add(socket);
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            String firstLine = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
            synchronized (this) {
                firstLines.add(firstLine);
            }
            String[] parts = firstLine.split(" ");
            boolean tunnel = parts[0].equals("CONNECT");
            URI target = URI.create(tunnel ? "tcp://" + parts[1] : parts[1]);
            try (Socket origin = new Socket(target.getHost(), target.getPort())) {
                track(origin);
                if (tunnel) {
                    client.getOutputStream().write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    origin.getOutputStream().write(head);
                }
                Thread upstream = new Thread(() -> pipe(in, origin), "tck-proxy-upstream");
                upstream.setDaemon(true);
                upstream.start();
                pipe(origin.getInputStream(), client);
            }
        } catch (IOException | RuntimeException e) {
            // the client or the origin went away; the test sees what arrived
        }
    }

    private static void pipe(InputStream from, Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = from.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
