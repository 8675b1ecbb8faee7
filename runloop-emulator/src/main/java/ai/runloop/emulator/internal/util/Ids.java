package ai.runloop.emulator.internal.util;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Resource ids: a prefix, a time-ordered counter and random letters, e.g. {@code dbx_00000001k3x9}. */
public final class Ids {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {
    }

    /** @param prefix e.g. {@code dbx} @return a new id */
    public static String next(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('_');
        sb.append(String.format("%08d", COUNTER.incrementAndGet()));
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** @param n length @return random letters and digits */
    public static String random(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
