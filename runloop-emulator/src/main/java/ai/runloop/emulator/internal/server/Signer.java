package ai.runloop.emulator.internal.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs and checks presigned URLs with HMAC-SHA256 under a key made fresh for each emulator. */
public final class Signer {
    private final byte[] key = new byte[32];

    Signer() {
        new SecureRandom().nextBytes(key);
    }

    /** @param message what to sign, e.g. "PUT obj_1 1700000000000" @return hex signature */
    public String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** @param message what was signed @param signature claimed signature @return true when it matches */
    public boolean verify(String message, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(message).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
