package ai.runloop.api.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * The body of a request: none, bytes in memory, a file streamed from disk, or a publisher of bytes
 * with a known length. Transports handle each of the four {@code permits}ed kinds.
 */
public sealed interface RequestBody
        permits RequestBody.Empty, RequestBody.Bytes, RequestBody.FromFile, RequestBody.FromPublisher {

    /**
     * The media type of the body, sent as {@code Content-Type} unless the request sets that header.
     *
     * @return the content type, or empty if none
     */
    Optional<String> contentType();

    /**
     * The length in bytes, sent as {@code Content-Length}.
     *
     * @return the number of bytes the body has
     * @throws UncheckedIOException if the size of a file body cannot be read
     */
    long contentLength();

    /**
     * Whether the body can be sent again, for a retry. Bytes and files can; a publisher cannot.
     *
     * @return {@code true} if the body may be sent more than once
     */
    boolean isReplayable();

    /**
     * No body.
     *
     * @return the empty body
     */
    static RequestBody empty() {
        return Empty.INSTANCE;
    }

    /**
     * A body of bytes; the array is copied.
     *
     * @param bytes the content
     * @param contentType the media type, or {@code null}
     * @return the body
     */
    static RequestBody ofBytes(byte[] bytes, String contentType) {
        return new Bytes(bytes.clone(), contentType);
    }

    /**
     * A body read from a file while it is sent, never held whole in memory. The file's size is read
     * when the body is sent.
     *
     * @param file a regular, readable file
     * @param contentType the media type, or {@code null}
     * @return the body
     * @throws IllegalArgumentException if the path is not a regular file
     */
    static RequestBody ofFile(Path file, String contentType) {
        return new FromFile(file, contentType);
    }

    /**
     * A body taken from a publisher, which is subscribed once: the body is not replayable.
     *
     * @param publisher the bytes, in order; it must publish exactly {@code contentLength} bytes
     * @param contentLength the number of bytes, at least 0
     * @param contentType the media type, or {@code null}
     * @return the body
     */
    static RequestBody ofPublisher(Flow.Publisher<ByteBuffer> publisher, long contentLength, String contentType) {
        return new FromPublisher(publisher, contentLength, contentType);
    }

    /** No body. */
    final class Empty implements RequestBody {

        private static final Empty INSTANCE = new Empty();

        private Empty() {
        }

        @Override
        public Optional<String> contentType() {
            return Optional.empty();
        }

        @Override
        public long contentLength() {
            return 0;
        }

        @Override
        public boolean isReplayable() {
            return true;
        }

        @Override
        public String toString() {
            return "RequestBody.empty()";
        }
    }

    /** Bytes held in memory. */
    final class Bytes implements RequestBody {

        private final byte[] bytes;
        private final String contentType;

        private Bytes(byte[] bytes, String contentType) {
            this.bytes = bytes;
            this.contentType = contentType;
        }

        /**
         * The content, as a read-only buffer that shares this body's bytes (no copy).
         *
         * @return a new read-only buffer positioned at 0
         */
        public ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }

        /**
         * The content, copied.
         *
         * @return a new array
         */
        public byte[] toByteArray() {
            return bytes.clone();
        }

        @Override
        public Optional<String> contentType() {
            return Optional.ofNullable(contentType);
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public boolean isReplayable() {
            return true;
        }

        @Override
        public String toString() {
            return "RequestBody.ofBytes(" + bytes.length + " bytes, " + contentType + ")";
        }
    }

    /** A file streamed from disk. */
    final class FromFile implements RequestBody {

        private final Path file;
        private final String contentType;

        private FromFile(Path file, String contentType) {
            this.file = Objects.requireNonNull(file, "file");
            this.contentType = contentType;
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("not a regular file: " + file);
            }
        }

        /**
         * The file to send.
         *
         * @return the path given when the body was made
         */
        public Path file() {
            return file;
        }

        @Override
        public Optional<String> contentType() {
            return Optional.ofNullable(contentType);
        }

        @Override
        public long contentLength() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size of " + file, e);
            }
        }

        @Override
        public boolean isReplayable() {
            return true;
        }

        @Override
        public String toString() {
            return "RequestBody.ofFile(" + file + ", " + contentType + ")";
        }
    }

    /** A one-shot publisher of a known number of bytes. */
    final class FromPublisher implements RequestBody {

        private final Flow.Publisher<ByteBuffer> publisher;
        private final long contentLength;
        private final String contentType;

        private FromPublisher(Flow.Publisher<ByteBuffer> publisher, long contentLength, String contentType) {
            this.publisher = Objects.requireNonNull(publisher, "publisher");
            if (contentLength < 0) {
                throw new IllegalArgumentException("content length must be at least 0: " + contentLength);
            }
            this.contentLength = contentLength;
            this.contentType = contentType;
        }

        /**
         * The publisher of the bytes, to be subscribed once.
         *
         * @return the publisher given when the body was made
         */
        public Flow.Publisher<ByteBuffer> publisher() {
            return publisher;
        }

        @Override
        public Optional<String> contentType() {
            return Optional.ofNullable(contentType);
        }

        @Override
        public long contentLength() {
            return contentLength;
        }

        @Override
        public boolean isReplayable() {
            return false;
        }

        @Override
        public String toString() {
            return "RequestBody.ofPublisher(" + contentLength + " bytes, " + contentType + ")";
        }
    }
}
