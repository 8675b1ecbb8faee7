package ai.runloop.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The faults an emulator injects, changeable while it runs (in code through
 * {@link RunloopEmulator#faults()}, or over HTTP through the admin route {@code /_emulator/faults}).
 *
 * <p>Decisions are deterministic for a given seed and order of requests: probabilities draw from one
 * seeded {@link Random}. Thread-safe.
 */
public final class FaultPlan {

    /** The outcome of consulting the plan for one request. */
    public record Decision(FaultRule rule, FaultRule.Effect effect, int status, long latencyMillis) {
        /** A decision that lets the request pass untouched. */
        public static final Decision PASS = new Decision(null, null, 0, 0);

        /** @return true when the request is disturbed beyond latency */
        public boolean faulty() {
            return effect != null && effect != FaultRule.Effect.LATENCY_ONLY;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private Random random;
    private long seed;

    /** Creates an empty plan with seed 0. */
    public FaultPlan() {
        reseed(0);
    }

    /** Adds a rule; rules are consulted in the order added. @param rule the rule @return this */
    public synchronized FaultPlan add(FaultRule rule) {
        entries.add(new Entry(rule));
        return this;
    }

    /** Removes every rule and resets the random sequence to the current seed. */
    public synchronized void clear() {
        entries.clear();
        random = new Random(seed);
    }

    /** Sets the seed and restarts its random sequence. @param newSeed the seed */
    public synchronized void reseed(long newSeed) {
        this.seed = newSeed;
        this.random = new Random(newSeed);
    }

    /** @return the seed in use */
    public synchronized long seed() {
        return seed;
    }

    /** @return the rules, in order */
    public synchronized List<FaultRule> rules() {
        List<FaultRule> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.rule));
        return List.copyOf(out);
    }

    /** @return how many requests each rule has matched so far, in rule order */
    public synchronized List<Integer> hits() {
        List<Integer> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.hits));
        return List.copyOf(out);
    }

    /**
     * @return how many requests each rule has actually disturbed so far (error, drop, loss, cut, or
     *     added latency), in rule order; at most {@link #hits()}
     */
    public synchronized List<Integer> injected() {
        List<Integer> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.injected));
        return List.copyOf(out);
    }

    /**
     * Consults the plan for one request and counts it. Latencies of all active matching rules add
     * up (a latency-only rule with a probability adds its latency only to the requests it selects);
     * the first rule that selects the request decides its effect.
     *
     * @param method the request method
     * @param path the request path
     * @return the decision
     */
    public synchronized Decision decide(String method, String path) {
        long latency = 0;
        Optional<Decision> chosen = Optional.empty();
        for (Entry e : entries) {
            if (!e.rule.matches(method, path)) {
                continue;
            }
            int hit = e.hits++;
            FaultRule r = e.rule;
            if (r.times() > 0 && hit >= r.times()) {
                continue;
            }
            if (r.effect() == FaultRule.Effect.LATENCY_ONLY) {
                if (r.probability() >= 1.0 || random.nextDouble() < r.probability()) {
                    latency += r.latency().toMillis();
                    e.injected++;
                }
                continue;
            }
            latency += r.latency().toMillis();
            if (chosen.isPresent()) {
                continue;
            }
            int[] seq = r.sequence();
            if (seq.length > 0) {
                if (hit < seq.length && seq[hit] != 0) {
                    chosen = Optional.of(new Decision(r, r.effect(), seq[hit], 0));
                    e.injected++;
                }
            } else if (r.probability() >= 1.0 || random.nextDouble() < r.probability()) {
                chosen = Optional.of(new Decision(r, r.effect(), r.status(), 0));
                e.injected++;
            }
        }
        long total = latency;
        return chosen.map(d -> new Decision(d.rule(), d.effect(), d.status(), total))
                .orElse(total > 0 ? new Decision(null, FaultRule.Effect.LATENCY_ONLY, 0, total) : Decision.PASS);
    }

    private static final class Entry {
        final FaultRule rule;
        int hits;
        int injected;

        Entry(FaultRule rule) {
            this.rule = rule;
        }
    }
}
