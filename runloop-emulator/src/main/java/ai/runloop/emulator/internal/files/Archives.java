package ai.runloop.emulator.internal.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks storage objects into a devbox: tar (ustar and GNU long names), gzip-compressed tar, or a
 * single gzip file. Only regular files and folders are created; links and devices are skipped, and
 * every member name goes through {@link PathGuard}, so an archive cannot write outside its target.
 */
public final class Archives {
    private Archives() {
    }

    /**
     * @param contentType the object's content type: tar, tgz, gzip, or anything else (copied as is)
     * @param data the object's bytes
     * @param home the devbox home (the boundary)
     * @param target where to unpack (a folder for archives, a file otherwise)
     * @throws IOException on a broken archive or I/O failure
     */
    public static void unpack(String contentType, Path data, Path home, Path target) throws IOException {
        switch (contentType == null ? "" : contentType) {
            case "tar" -> {
                try (InputStream in = Files.newInputStream(data)) {
                    untar(in, home, target);
                }
            }
            case "tgz" -> {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(data))) {
                    untar(in, home, target);
                }
            }
            case "gzip" -> {
                Files.createDirectories(target.getParent());
                try (InputStream in = new GZIPInputStream(Files.newInputStream(data))) {
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            default -> {
                Files.createDirectories(target.getParent());
                Files.copy(data, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void untar(InputStream in, Path home, Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] header = new byte[512];
        String longName = null;
        while (readFully(in, header)) {
            if (isZero(header)) {
                return;
            }
            String name = longName != null ? longName : entryName(header);
            longName = null;
            long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
            char type = (char) header[156];
            long padded = (size + 511) / 512 * 512;
            if (type == 'L') {
                ByteArrayOutputStream name0 = new ByteArrayOutputStream();
                copy(in, name0, size);
                skip(in, padded - size);
                longName = name0.toString(StandardCharsets.UTF_8).replace("\0", "");
                continue;
            }
            String rel = name.startsWith("./") ? name.substring(2) : name;
            if (rel.isEmpty() || rel.equals(".")) {
                skip(in, padded);
                continue;
            }
            Path out = PathGuard.resolve(home, home.relativize(dir).resolve(rel).toString(), "archive member");
            if (type == '5') {
                Files.createDirectories(out);
                skip(in, padded);
            } else if (type == '0' || type == '\0' || type == '7') {
                Files.createDirectories(out.getParent());
                try (OutputStream os = Files.newOutputStream(out)) {
                    copy(in, os, size);
                }
                skip(in, padded - size);
            } else {
                skip(in, padded);
            }
        }
    }

    private static String entryName(byte[] h) {
        String name = field(h, 0, 100);
        String magic = field(h, 257, 6);
        if (magic.startsWith("ustar")) {
            String prefix = field(h, 345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] buf) throws IOException {
        int off = 0;
        while (off < buf.length) {
            int n = in.read(buf, off, buf.length - off);
            if (n < 0) {
                if (off == 0) {
                    return false;
                }
                throw new IOException("truncated tar header");
            }
            off += n;
        }
        return true;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buf = new byte[8192];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("truncated tar member");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        copy(in, OutputStream.nullOutputStream(), n);
    }
}
