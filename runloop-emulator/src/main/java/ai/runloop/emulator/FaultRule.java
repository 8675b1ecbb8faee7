package ai.runloop.emulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One fault to inject into matching requests: an error status (always, by probability, or by a
 * sequence), a {@code Retry-After} hint, added latency, a dropped connection, a response that is
 * processed and then lost, or a streamed body cut after a number of bytes.
 *
 * <p>A rule matches a request by HTTP method ({@code *} for any) and path pattern, where {@code *}
 * matches one path segment and {@code **} any rest of the path, e.g. {@code /v1/devboxes/*}.
 * Requests are counted per rule; {@link Builder#times(int)} limits how many matching requests the
 * rule affects. Rules are immutable; the mutable counters live in {@link FaultPlan}.
 */
public final class FaultRule {

    /** What a selected request suffers. */
    public enum Effect {
        /** Answer with an error status (and optional retry hints) without running the handler. */
        STATUS,
        /** Close the connection without any response, before the request is handled. */
        DROP_CONNECTION,
        /** Run the handler (so the resource is created), then close the connection instead of answering. */
        LOSE_RESPONSE,
        /** Let a streamed body (SSE, downloads) through for a number of bytes, then cut the connection. */
        CUT_STREAM,
        /** Only the configured latency. */
        LATENCY_ONLY
    }

    private final String method;
    private final String pathPattern;
    private final Pattern pathRegex;
    private final Effect effect;
    private final int status;
    private final int[] sequence;
    private final double probability;
    private final int times;
    private final Long retryAfterSeconds;
    private final Long retryAfterMillis;
    private final Duration latency;
    private final long cutAfterBytes;

    private FaultRule(Builder b) {
        this.method = b.method;
        this.pathPattern = b.pathPattern;
        this.pathRegex = globToRegex(b.pathPattern);
        this.effect = b.effect;
        this.status = b.status;
        this.sequence = b.sequence.clone();
        this.probability = b.probability;
        this.times = b.times;
        this.retryAfterSeconds = b.retryAfterSeconds;
        this.retryAfterMillis = b.retryAfterMillis;
        this.latency = b.latency;
        this.cutAfterBytes = b.cutAfterBytes;
    }

    /**
     * Starts a rule for requests with this method and path pattern.
     *
     * @param method HTTP method, or {@code *} for any
     * @param pathPattern path with {@code *} (one segment) and {@code **} (rest) wildcards
     * @return a builder; without further calls the rule only matches and does nothing
     */
    public static Builder on(String method, String pathPattern) {
        return new Builder(method, pathPattern);
    }

    /** @return true when this rule applies to the request */
    public boolean matches(String requestMethod, String path) {
        return ("*".equals(method) || method.equalsIgnoreCase(requestMethod)) && pathRegex.matcher(path).matches();
    }

    /** @return the method this rule matches, or {@code *} */
    public String method() {
        return method;
    }

    /** @return the path pattern */
    public String pathPattern() {
        return pathPattern;
    }

    /** @return the effect on a selected request */
    public Effect effect() {
        return effect;
    }

    /** @return the error status for {@link Effect#STATUS} (0 when none) */
    public int status() {
        return status;
    }

    /** @return statuses answered to the first matching requests in turn, 0 meaning "pass" (copy) */
    public int[] sequence() {
        return sequence.clone();
    }

    /** @return probability in [0, 1] that a matching request is selected; 1 when not set */
    public double probability() {
        return probability;
    }

    /** @return how many matching requests the rule affects at most; 0 = unlimited */
    public int times() {
        return times;
    }

    /** @return {@code Retry-After} seconds to send with an error status, or null */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** @return {@code retry-after-ms} to send with an error status, or null */
    public Long retryAfterMillis() {
        return retryAfterMillis;
    }

    /** @return latency added before the request is handled (zero when none) */
    public Duration latency() {
        return latency;
    }

    /** @return bytes let through before a stream is cut, for {@link Effect#CUT_STREAM} */
    public long cutAfterBytes() {
        return cutAfterBytes;
    }

    @Override
    public String toString() {
        return "FaultRule[" + method + " " + pathPattern + " " + effect + (status > 0 ? " " + status : "")
                + (sequence.length > 0 ? " sequence=" + Arrays.toString(sequence) : "")
                + (probability < 1 ? " p=" + probability : "") + (times > 0 ? " times=" + times : "") + "]";
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                sb.append(".*");
                i++;
            } else if (c == '*') {
                sb.append("[^/]*");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }

    /** Builds a {@link FaultRule}. */
    public static final class Builder {
        private final String method;
        private final String pathPattern;
        private Effect effect = Effect.LATENCY_ONLY;
        private int status;
        private int[] sequence = new int[0];
        private double probability = 1.0;
        private int times;
        private Long retryAfterSeconds;
        private Long retryAfterMillis;
        private Duration latency = Duration.ZERO;
        private long cutAfterBytes;

        private Builder(String method, String pathPattern) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            this.pathPattern = Objects.requireNonNull(pathPattern, "pathPattern");
            if (!pathPattern.startsWith("/")) {
                throw new IllegalArgumentException("pathPattern must start with '/': " + pathPattern);
            }
        }

        /** Answers selected requests with this status. @param code an HTTP status ≥ 400 @return this */
        public Builder status(int code) {
            if (code < 400 || code > 599) {
                throw new IllegalArgumentException("status must be 400..599: " + code);
            }
            this.effect = Effect.STATUS;
            this.status = code;
            return this;
        }

        /**
         * Answers the n-th matching request with the n-th status; 0 lets that request pass. Requests
         * after the sequence pass.
         *
         * @param codes statuses (400..599) or 0
         * @return this
         */
        public Builder sequence(int... codes) {
            for (int c : codes) {
                if (c != 0 && (c < 400 || c > 599)) {
                    throw new IllegalArgumentException("sequence statuses must be 0 or 400..599: " + c);
                }
            }
            this.effect = Effect.STATUS;
            this.sequence = codes.clone();
            return this;
        }

        /** Selects each matching request with this probability (seeded, see {@link FaultPlan}). @param p in [0,1] @return this */
        public Builder probability(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
            }
            this.probability = p;
            return this;
        }

        /** Affects at most this many matching requests. @param n ≥ 1 @return this */
        public Builder times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be >= 1: " + n);
            }
            this.times = n;
            return this;
        }

        /** Sends {@code Retry-After: seconds} with the error status. @param seconds ≥ 0 @return this */
        public Builder retryAfterSeconds(long seconds) {
            this.retryAfterSeconds = seconds;
            return this;
        }

        /** Sends {@code retry-after-ms} with the error status. @param millis ≥ 0 @return this */
        public Builder retryAfterMillis(long millis) {
            this.retryAfterMillis = millis;
            return this;
        }

        /** Delays matching requests. @param delay added latency @return this */
        public Builder latency(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative");
            }
            this.latency = delay;
            return this;
        }

        /** Closes the connection of selected requests without an answer, before handling them. @return this */
        public Builder dropConnection() {
            this.effect = Effect.DROP_CONNECTION;
            return this;
        }

        /** Handles selected requests, then closes the connection instead of answering. @return this */
        public Builder loseResponse() {
            this.effect = Effect.LOSE_RESPONSE;
            return this;
        }

        /** Cuts streamed bodies of selected requests after this many bytes. @param bytes ≥ 0 @return this */
        public Builder cutStreamAfterBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must be >= 0");
            }
            this.effect = Effect.CUT_STREAM;
            this.cutAfterBytes = bytes;
            return this;
        }

        /** @return the rule */
        public FaultRule build() {
            if (effect == Effect.STATUS && status == 0 && sequence.length == 0) {
                throw new IllegalStateException("a status fault needs status() or sequence()");
            }
            return new FaultRule(this);
        }
    }
}
