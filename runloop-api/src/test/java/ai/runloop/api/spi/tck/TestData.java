package ai.runloop.api.spi.tck;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Deterministic test bytes, files written in chunks, and SHA-256 digests. */
final class TestData {

    private TestData() {
    }

    /** {@code length} pseudo-random bytes, the same for the same seed. */
    static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * Writes {@code length} pseudo-random bytes to a file in 1 MiB chunks, never holding more.
     *
     * @return the hex SHA-256 of what was written
     */
    static String writeFile(Path file, long length, long seed) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return write(out, length, seed, () -> { });
        }
    }

    /**
     * Writes {@code length} pseudo-random bytes in 1 MiB chunks, running {@code afterFirstChunk}
     * once the first chunk is written and flushed.
     *
     * @return the hex SHA-256 of what was written
     */
    static String write(OutputStream out, long length, long seed, Runnable afterFirstChunk) throws IOException {
        MessageDigest digest = sha256();
        Random random = new Random(seed);
        byte[] chunk = new byte[1 << 20];
        boolean first = true;
        for (long left = length; left > 0; left -= chunk.length) {
            random.nextBytes(chunk);
            int n = (int) Math.min(chunk.length, left);
            out.write(chunk, 0, n);
            digest.update(chunk, 0, n);
            if (first) {
                first = false;
                out.flush();
                afterFirstChunk.run();
            }
        }
        return hex(digest.digest());
    }

    /** The hex SHA-256 of what {@link #write} writes, computed without writing. */
    static String digestOf(long length, long seed) throws IOException {
        return write(OutputStream.nullOutputStream(), length, seed, () -> { });
    }

    static String sha256(byte[] bytes) {
        return hex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
