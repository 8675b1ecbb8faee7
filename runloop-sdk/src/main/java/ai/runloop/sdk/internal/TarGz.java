package ai.runloop.sdk.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a directory as a gzip-compressed POSIX (ustar) tar: member names relative to the directory,
 * without a leading {@code ./}, directories ending in {@code /}; names too long for the ustar fields
 * get a PAX {@code path} record. Regular files and directories only (symbolic links are skipped, so an
 * archive never points outside the directory). Streams file by file, so any size fits.
 */
public final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {
    }

    /** Which entries of the directory go into the archive. */
    public interface EntryFilter {
        /** Every entry. */
        EntryFilter ALL = new EntryFilter() {
            @Override
            public boolean keeps(String relativePath) {
                return true;
            }

            @Override
            public boolean mayKeepBelow(String folder) {
                return true;
            }
        };

        /**
         * @param relativePath a slash-separated path relative to the directory
         * @return whether the entry goes into the archive
         */
        boolean keeps(String relativePath);

        /**
         * @param folder a slash-separated folder path relative to the directory
         * @return false when nothing below the folder can be kept, so it is not walked at all
         */
        boolean mayKeepBelow(String folder);
    }

    /**
     * @param dir    the directory to pack
     * @param target the archive to write (replaced)
     * @throws IOException when reading or writing fails
     */
    public static void write(Path dir, Path target) throws IOException {
        write(dir, target, EntryFilter.ALL);
    }

    /**
     * @param dir    the directory to pack
     * @param target the archive to write (replaced)
     * @param filter which entries go in
     * @throws IOException when reading or writing fails
     */
    public static void write(Path dir, Path target, EntryFilter filter) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("dir must be a directory but was " + dir);
        }
        List<Path> entries = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) {
                if (folder.equals(dir)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = relative(dir, folder);
                if (filter.keeps(name)) {
                    entries.add(folder);
                }
                return filter.mayKeepBelow(name) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (filter.keeps(relative(dir, file))) {
                    entries.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(null);
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(target)), 1 << 16)) {
            for (Path p : entries) {
                String name = relative(dir, p);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    entry(out, name + "/", '5', 0, Files.getLastModifiedTime(p).toMillis(), 0755);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    long size = Files.size(p);
                    int mode = Files.isExecutable(p) ? 0755 : 0644;
                    entry(out, name, '0', size, Files.getLastModifiedTime(p).toMillis(), mode);
                    try (InputStream in = Files.newInputStream(p)) {
                        long copied = in.transferTo(out);
                        if (copied != size) {
                            throw new IOException("file " + p + " changed size while being archived");
                        }
                    }
                    pad(out, size);
                }
            }
            out.write(new byte[BLOCK * 2]);
        }
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace('\\', '/');
    }

    private static void entry(OutputStream out, String name, char type, long size, long mtimeMs, int mode)
            throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        String prefix = "";
        String shortName = name;
        if (nameBytes.length > 100) {
            int cut = splitPoint(name);
            if (cut > 0) {
                prefix = name.substring(0, cut);
                shortName = name.substring(cut + 1);
            } else {
                pax(out, name, mtimeMs);
                shortName = truncate(name);
            }
        }
        out.write(header(shortName, prefix, type, size, mtimeMs, mode));
    }

    /** @return the index of a '/' that splits the name into a prefix ≤ 155 and a name ≤ 100 bytes, or -1 */
    private static int splitPoint(String name) {
        for (int i = name.length() - 1; i > 0; i--) {
            if (name.charAt(i) == '/' && i < name.length() - 1) {
                int prefixLen = name.substring(0, i).getBytes(StandardCharsets.UTF_8).length;
                int nameLen = name.substring(i + 1).getBytes(StandardCharsets.UTF_8).length;
                if (prefixLen <= 155 && nameLen <= 100) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String truncate(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            String next = b.toString() + name.charAt(i);
            if (next.getBytes(StandardCharsets.UTF_8).length > 100) {
                break;
            }
            b.append(name.charAt(i));
        }
        return b.toString();
    }

    private static void pax(OutputStream out, String name, long mtimeMs) throws IOException {
        String body = "path=" + name + "\n";
        int len = body.getBytes(StandardCharsets.UTF_8).length;
        int total = len + 1;
        while (true) {
            int candidate = len + 1 + Integer.toString(total).length() + 1;
            if (candidate == total) {
                break;
            }
            total = candidate;
        }
        byte[] record = (total + " " + body).getBytes(StandardCharsets.UTF_8);
        out.write(header("PaxHeader", "", 'x', record.length, mtimeMs, 0644));
        out.write(record);
        pad(out, record.length);
    }

    private static byte[] header(String name, String prefix, char type, long size, long mtimeMs, int mode) {
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name.getBytes(StandardCharsets.UTF_8));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtimeMs / 1000);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = (byte) type;
        put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        put(h, 345, 155, prefix.getBytes(StandardCharsets.UTF_8));
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int offset, int max, byte[] value) {
        System.arraycopy(value, 0, h, offset, Math.min(max, value.length));
    }

    /** Writes a zero-padded octal number of width-1 digits and a NUL. */
    private static void octal(byte[] h, int offset, int width, long value) {
        String s = Long.toOctalString(value);
        if (s.length() > width - 1) {
            throw new IllegalArgumentException("value " + value + " does not fit a tar field of " + width + " bytes");
        }
        s = "0".repeat(width - 1 - s.length()) + s;
        put(h, offset, width - 1, s.getBytes(StandardCharsets.US_ASCII));
        h[offset + width - 1] = 0;
    }

    private static void pad(OutputStream out, long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }
}
