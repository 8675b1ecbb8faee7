package ai.runloop.model.support;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Raw bytes sent as a multipart file part (never as JSON): from memory, from a file streamed from disk,
 * or from a stream of known length.
 */
public sealed interface BinaryContent permits BinaryContent.Bytes, BinaryContent.File, BinaryContent.Stream {

    /** @return the number of bytes, or -1 when unknown */
    long length();

    /**
     * @param bytes the content; copied
     * @return content held in memory
     */
    static BinaryContent ofBytes(byte[] bytes) {
        return new Bytes(bytes.clone());
    }

    /**
     * @param path a readable file; read when sent, never loaded whole into memory
     * @return content streamed from the file
     */
    static BinaryContent ofFile(Path path) {
        return new File(path);
    }

    /**
     * @param opener opens the stream; called once per attempt, so a supplier that can open again makes the
     *               content replayable on retry
     * @param length the exact number of bytes the stream yields
     * @return content streamed from the opened stream
     */
    static BinaryContent ofStream(Supplier<InputStream> opener, long length) {
        return new Stream(opener, length);
    }

    /**
     * In-memory content.
     *
     * @param bytes the bytes; not copied again, do not modify
     */
    record Bytes(byte[] bytes) implements BinaryContent {
        /** Rejects null. */
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + bytes.length + " bytes]";
        }
    }

    /**
     * A file streamed from disk.
     *
     * @param path the file
     */
    record File(Path path) implements BinaryContent {
        /** Rejects null. */
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public long length() {
            try {
                return java.nio.file.Files.size(path);
            } catch (java.io.IOException e) {
                return -1;
            }
        }
    }

    /**
     * A stream of known length.
     *
     * @param opener opens the stream for each attempt
     * @param length the number of bytes
     */
    record Stream(Supplier<InputStream> opener, long length) implements BinaryContent {
        /** Rejects a null opener and a negative length. */
        public Stream {
            Objects.requireNonNull(opener, "opener");
            if (length < 0) {
                throw new ValidationException("BinaryContent.Stream length must not be negative but was " + length);
            }
        }
    }
}
