package ai.runloop.emulator.internal.exec;

import ai.runloop.emulator.internal.util.Watchers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An append-only byte log of one output stream (stdout or stderr) of an execution. Byte positions
 * never change once written, so SSE clients can resume from any byte offset. Thread-safe.
 */
public final class OutputLog {
    private byte[] bytes = new byte[256];
    private int size;
    private boolean closed;
    private final Watchers watchers = new Watchers();

    /** @param data bytes to append @param off offset @param len length */
    public void append(byte[] data, int off, int len) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(data, off, bytes, size, len);
            size += len;
        }
        watchers.fire();
    }

    /** Marks the end of the stream. */
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        watchers.fire();
    }

    /** @return bytes written so far */
    public synchronized int size() {
        return size;
    }

    /** @return true once the stream ended */
    public synchronized boolean closed() {
        return closed;
    }

    /** @param from start (inclusive) @param to end (exclusive) @return a copy of the range */
    public synchronized byte[] slice(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    /** @return the whole log as UTF-8 text */
    public synchronized String text() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    /** @return listeners told about appends and the end */
    public Watchers watchers() {
        return watchers;
    }

    /**
     * The last {@code n} lines (a trailing newline does not start an empty line).
     *
     * @param n number of lines, ≥ 0
     * @return the tail and whether anything before it was left out
     */
    public synchronized Tail tail(int n) {
        int end = size;
        if (n <= 0) {
            return new Tail("", end > 0);
        }
        int scan = end > 0 && bytes[end - 1] == '\n' ? end - 1 : end;
        int start = 0;
        int found = 0;
        for (int i = scan - 1; i >= 0; i--) {
            if (bytes[i] == '\n' && ++found == n) {
                start = i + 1;
                break;
            }
        }
        return new Tail(new String(bytes, start, end - start, StandardCharsets.UTF_8), start > 0);
    }

    /** @param text the tail @param truncated true when earlier output was left out */
    public record Tail(String text, boolean truncated) {
    }

    /**
     * The largest end ≤ {@code to} such that {@code [from, end)} does not stop inside a UTF-8
     * sequence (unless the log is closed, when the rest is flushed as is).
     *
     * @param from start of the chunk
     * @param to bytes available
     * @return a safe end
     */
    public synchronized int utf8SafeEnd(int from, int to) {
        if (closed && to == size) {
            return to;
        }
        int back = 0;
        for (int i = to - 1; i >= from && back < 4; i--, back++) {
            int b = bytes[i] & 0xff;
            if ((b & 0xC0) == 0x80) {
                continue; // continuation byte: keep looking for the lead byte
            }
            int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return (to - i) >= need ? to : i;
        }
        return to;
    }
}
