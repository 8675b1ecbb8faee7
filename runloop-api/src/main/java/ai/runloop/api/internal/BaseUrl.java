package ai.runloop.api.internal;

import java.net.URI;

/**
 * A client's base URL split once into what each request needs: its origin (scheme, host, port) and
 * its path, which prefixes every operation's path. Requests are then built from origin and target
 * without building or parsing a {@code java.net.URI} per call.
 *
 * @param origin the base URL without path
 * @param path   the base URL's raw path without a trailing slash, often empty
 */
record BaseUrl(URI origin, String path) {

    /**
     * @param base an absolute http(s) URL, possibly with a path
     * @return its origin and path
     */
    static BaseUrl of(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        URI origin = path.isEmpty() && base.getRawQuery() == null && base.getRawFragment() == null
                ? base : URI.create(base.getScheme() + "://" + base.getRawAuthority());
        return new BaseUrl(origin, path);
    }
}
