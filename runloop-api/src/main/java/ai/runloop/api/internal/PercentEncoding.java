package ai.runloop.api.internal;

import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-encoding of path segments and query components. */
final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * Encodes one path segment: everything but unreserved characters, and dots too when the segment is
     * only dots, so that an id such as {@code ..} can never be read as a relative path.
     */
    static String segment(String value) {
        if (isPlain(value)) {
            return value; // the usual id: nothing to encode, no copy
        }
        String encoded = encode(value);
        return onlyDots(encoded) ? encoded.replace(".", "%2E") : encoded;
    }

    // A loop, not chars().allMatch: that was the one IntStream of a start-up (~15 classes to load).
    private static boolean onlyDots(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }

    /** Whether a segment is unreserved characters only, and not only dots. */
    private static boolean isPlain(String value) {
        boolean onlyDots = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~')) {
                return false;
            }
            onlyDots &= c == '.';
        }
        return !onlyDots;
    }

    /** Encodes a query name or value. */
    static String query(String value) {
        return encode(value);
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
