package ai.runloop.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * An HTTP/1.1 server on 127.0.0.1 in one NIO thread that answers requests whose path contains
 * {@code /ok} (or one of the given path fragments) with 200 and a JSON body (keep-alive), and never
 * answers any other. It counts the connections open right now and the requests it has read, so tests
 * can see what a client frees.
 */
final class HangingServer implements AutoCloseable {
    private final Map<String, byte[]> answers = new LinkedHashMap<>();

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;
    private volatile boolean closing;
    private int open;
    private int requests;
    private int accepted;
    private int hanging;

    /** What the server knows of one connection. */
    private static final class Connection {
        final StringBuilder pending = new StringBuilder();
        boolean hanging;
    }

    HangingServer() {
        this(Map.of());
    }

    /**
     * @param answers JSON bodies by a fragment of the request line (first match wins), answered besides
     *                {@code /ok}
     */
    HangingServer(Map<String, String> answers) {
        answers.forEach((fragment, body) -> this.answers.put(fragment, ok(body)));
        this.answers.put("/ok", ok("{}"));
        try {
            selector = Selector.open();
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::loop, "hanging-server");
        thread.setDaemon(true);
        thread.start();
    }

    private static byte[] ok(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.socket().getLocalPort());
    }

    synchronized int open() {
        return open;
    }

    synchronized int requests() {
        return requests;
    }

    synchronized int accepted() {
        return accepted;
    }

    /**
     * Waits until a condition on the counters holds (woken by every change, no sleeping).
     *
     * @return whether it held before the deadline
     */
    synchronized boolean await(IntPredicate onOpen, IntPredicate onRequests, Duration limit) throws InterruptedException {
        return awaitState(() -> onOpen.test(open) && onRequests.test(requests), limit);
    }

    /** @return whether exactly {@code count} connections hang before the deadline (woken by every change) */
    synchronized boolean awaitHanging(int count, Duration limit) throws InterruptedException {
        return awaitState(() -> hanging == count, limit);
    }

    private synchronized boolean awaitState(java.util.function.BooleanSupplier state, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!state.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized void hangingChanged(int delta) {
        hanging += delta;
        notifyAll();
    }

    private synchronized void changed(int openDelta, int requestDelta, int acceptedDelta) {
        open += openDelta;
        requests += requestDelta;
        accepted += acceptedDelta;
        notifyAll();
    }

    private void loop() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (selector.isOpen()) {
            try {
                selector.select();
                if (closing) {
                    for (SelectionKey key : selector.keys()) {
                        key.channel().close();
                    }
                    selector.close();
                    server.close();
                    return;
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) {
                        SocketChannel c = server.accept();
                        if (c != null) {
                            c.configureBlocking(false);
                            c.register(selector, SelectionKey.OP_READ, new Connection());
                            changed(1, 0, 1);
                        }
                    } else if (key.isReadable()) {
                        read(key, buffer);
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | java.nio.channels.ClosedSelectorException e) {
                return;
            }
        }
    }

    private void read(SelectionKey key, ByteBuffer buffer) {
        SocketChannel c = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        StringBuilder pending = connection.pending;
        int n;
        try {
            buffer.clear();
            n = c.read(buffer);
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            key.cancel();
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            if (connection.hanging) {
                hangingChanged(-1);
            }
            changed(-1, 0, 0);
            return;
        }
        pending.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
        int end;
        while ((end = pending.indexOf("\r\n\r\n")) >= 0) {
            String head = pending.substring(0, end);
            pending.delete(0, end + 4);
            changed(0, 1, 0);
            String requestLine = head.lines().findFirst().orElse("");
            byte[] answer = answers.entrySet().stream().filter(a -> requestLine.contains(a.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (answer == null && !connection.hanging) {
                connection.hanging = true;
                hangingChanged(1);
            } else if (answer != null) {
                try {
                    c.write(ByteBuffer.wrap(answer));
                } catch (IOException ignored) {
                    // the client went away; its read will see it
                }
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
