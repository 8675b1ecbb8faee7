package ai.runloop.api.internal;

import java.security.SecureRandom;
import java.util.UUID;

/** UUID version 7 (time-ordered) values, as the API expects for {@code command_id} and shell names. */
public final class Uuid7 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuid7() {
    }

    /** @return a new UUIDv7 string */
    public static String next() {
        long millis = System.currentTimeMillis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
        long low = 0x8000000000000000L | (random[2] & 0x3fL) << 56;
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xffL) << (8 * (9 - i));
        }
        return new UUID(high, low).toString();
    }
}
