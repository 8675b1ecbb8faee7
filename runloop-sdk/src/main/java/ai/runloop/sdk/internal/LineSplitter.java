package ai.runloop.sdk.internal;

import java.util.function.Consumer;

/**
 * Cuts a stream of text chunks into lines: a line may span chunks, a chunk may hold many lines, a
 * {@code \r\n} ending loses its {@code \r}, and the last line is delivered by {@link #finish()} even
 * without a final newline. Chunks are already decoded text, so a character is never split. Not
 * thread-safe: feed it from one stream at a time.
 */
public final class LineSplitter {
    private final Consumer<String> sink;
    private final StringBuilder pending = new StringBuilder();

    /** @param sink receives each complete line, without its line ending */
    public LineSplitter(Consumer<String> sink) {
        this.sink = sink;
    }

    /** @param chunk the next piece of text */
    public void accept(String chunk) {
        int start = 0;
        for (int i = 0; i < chunk.length(); i++) {
            if (chunk.charAt(i) == '\n') {
                pending.append(chunk, start, i);
                emit();
                start = i + 1;
            }
        }
        pending.append(chunk, start, chunk.length());
    }

    /** Delivers the last line when it had no newline. */
    public void finish() {
        if (pending.length() > 0) {
            emit();
        }
    }

    private void emit() {
        int end = pending.length();
        if (end > 0 && pending.charAt(end - 1) == '\r') {
            end--;
        }
        String line = pending.substring(0, end);
        pending.setLength(0);
        sink.accept(line);
    }
}
