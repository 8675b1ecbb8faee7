package ai.runloop.api.internal.sse;

import ai.runloop.model.devboxes.ExecutionUpdateChunk;

/**
 * Resume of execution output streams: reconnect with {@code offset} = the offset of the last chunk
 * received, as the official clients do. The reference leaves open whether a chunk's offset is its
 * start or its end (surprise 12); if the server re-sends a chunk at the same offset, only the part not
 * yet delivered is passed on, so the output is exact under either reading.
 */
public final class ExecutionOutputResume implements ResumePolicy<ExecutionUpdateChunk> {
    private Long lastOffset;
    private String lastOutput = "";
    private final String initial;

    /** @param initial the offset the caller asked to start from, or null for the beginning */
    public ExecutionOutputResume(String initial) {
        this.initial = initial;
    }

    @Override
    public synchronized String position() {
        return lastOffset == null ? initial : Long.toString(lastOffset);
    }

    @Override
    public synchronized ExecutionUpdateChunk accept(ExecutionUpdateChunk chunk) {
        String output = chunk.output() == null ? "" : chunk.output();
        if (lastOffset != null && chunk.offset() != null && chunk.offset().equals(lastOffset)
                && output.startsWith(lastOutput)) {
            String fresh = output.substring(lastOutput.length());
            lastOutput = output;
            return fresh.isEmpty() ? null : chunk.toBuilder().output(fresh).build();
        }
        if (chunk.offset() != null) {
            lastOffset = chunk.offset();
            lastOutput = output;
        }
        return chunk;
    }
}
