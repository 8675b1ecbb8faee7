package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's decisions without a server: probabilities of latency rules and injected counts. */
class FaultPlanTest {

    @Test
    void aLatencyRuleWithAProbabilityDelaysOnlyTheRequestsItSelects() {
        FaultPlan never = new FaultPlan().add(FaultRule.on("GET", "/v1/**").latency(Duration.ofMillis(300))
                .probability(0).build());
        for (int i = 0; i < 50; i++) {
            assertEquals(FaultPlan.Decision.PASS, never.decide("GET", "/v1/devboxes"));
        }
        assertEquals(List.of(50), never.hits());
        assertEquals(List.of(0), never.injected());

        FaultPlan some = new FaultPlan().add(FaultRule.on("GET", "/v1/**").latency(Duration.ofMillis(300))
                .probability(0.5).build());
        some.reseed(3);
        int delayed = 0;
        for (int i = 0; i < 200; i++) {
            if (some.decide("GET", "/v1/devboxes").latencyMillis() == 300) {
                delayed++;
            }
        }
        assertEquals(delayed, some.injected().get(0));
        assertEquals(true, delayed > 50 && delayed < 150, "about half delayed: " + delayed);
    }

    @Test
    void injectedCountsOnlyTheRequestsARuleDisturbed() {
        FaultPlan plan = new FaultPlan()
                .add(FaultRule.on("POST", "/v1/devboxes").sequence(503, 0, 500).build())
                .add(FaultRule.on("*", "/v1/**").status(429).probability(0).build());
        for (int i = 0; i < 5; i++) {
            plan.decide("POST", "/v1/devboxes");
        }
        assertEquals(List.of(5, 5), plan.hits());
        assertEquals(List.of(2, 0), plan.injected());
    }
}
