package ai.runloop.emulator.internal.files;

import ai.runloop.emulator.internal.server.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Maps a path from a request to a file inside a devbox's home folder, and refuses (400, naming the
 * field) every path that would leave it: absolute paths outside the home, {@code ..} climbs, and
 * symbolic links whose target lies outside. {@code ~/x} and {@code /home/user/x} mean {@code x}
 * relative to the home.
 */
public final class PathGuard {
    /** The home folder of the devbox user as paths name it. */
    public static final String HOME_PREFIX = "/home/user";

    private PathGuard() {
    }

    /**
     * @param home the devbox home
     * @param requested the path from the request
     * @param field the request field (for the error)
     * @return the absolute, normalised path inside {@code home}
     */
    public static Path resolve(Path home, String requested, String field) {
        if (requested == null || requested.isBlank()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        if (requested.indexOf('\0') >= 0) {
            throw ApiException.badRequest(field, field + " must not contain NUL");
        }
        String rel = requested;
        if (rel.equals("~") || rel.equals(HOME_PREFIX)) {
            rel = ".";
        } else if (rel.startsWith("~/")) {
            rel = rel.substring(2);
        } else if (rel.startsWith(HOME_PREFIX + "/")) {
            rel = rel.substring(HOME_PREFIX.length() + 1);
        } else if (rel.startsWith("/")) {
            throw ApiException.badRequest(field, field + " leaves the devbox home: " + requested);
        }
        Path base = home.toAbsolutePath().normalize();
        Path target;
        try {
            target = base.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            throw ApiException.badRequest(field, field + " is not a valid path: " + requested);
        }
        if (!target.startsWith(base)) {
            throw ApiException.badRequest(field, field + " leaves the devbox home: " + requested);
        }
        checkLinks(base, target, requested, field);
        return target;
    }

    private static void checkLinks(Path base, Path target, String requested, String field) {
        try {
            Path realBase = base.toRealPath();
            Path existing = target;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return;
            }
            if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
                // dangling link: where it points is what a write would create
                Path dest = existing.getParent().resolve(Files.readSymbolicLink(existing)).normalize();
                if (!dest.startsWith(base) && !dest.startsWith(realBase)) {
                    throw ApiException.badRequest(field, field + " leaves the devbox home through a link: " + requested);
                }
                return;
            }
            if (!existing.toRealPath().startsWith(realBase)) {
                throw ApiException.badRequest(field, field + " leaves the devbox home through a link: " + requested);
            }
        } catch (IOException e) {
            throw ApiException.badRequest(field, field + " cannot be resolved: " + requested);
        }
    }
}
