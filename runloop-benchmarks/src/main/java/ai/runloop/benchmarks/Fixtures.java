package ai.runloop.benchmarks;

import ai.runloop.api.internal.json.JsonCodec;
import ai.runloop.model.devboxes.DevboxListView;
import ai.runloop.model.devboxes.DevboxStatus;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.model.shared.AfterIdle;
import ai.runloop.model.shared.DevboxCapability;
import ai.runloop.model.shared.LaunchParameters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The payloads every benchmark uses, so numbers are comparable across benchmarks. */
public final class Fixtures {
    /** The id the load server answers for. */
    public static final String DEVBOX_ID = "dbx_31Xq9ZkQmW7pL2rT";

    private Fixtures() {
    }

    /** @return a realistic devbox view of about 650 bytes of JSON */
    public static DevboxView devbox(int i) {
        return DevboxView.builder()
                .id(i == 0 ? DEVBOX_ID : "dbx_" + i + "Xq9ZkQmW7pL2rT")
                .name("agent-sandbox-" + i)
                .status(DevboxStatus.RUNNING)
                .capabilities(List.of(DevboxCapability.DOCKER_IN_DOCKER))
                .createTimeMs(1_764_000_000_000L + i)
                .initiatorType(DevboxView.InitiatorType.API)
                .metadata(Map.of("team", "evals", "run", "nightly-" + i))
                .launchParameters(LaunchParameters.builder()
                        .architecture(LaunchParameters.Architecture.X86_64)
                        .resourceSizeRequest(LaunchParameters.ResourceSizeRequest.MEDIUM)
                        .keepAliveTimeSeconds(3600)
                        .launchCommands(List.of("pip install -r requirements.txt"))
                        .afterIdle(AfterIdle.builder().idleTimeSeconds(1800).onIdle(AfterIdle.OnIdle.SUSPEND).build())
                        .build())
                .stateTransitions(List.of(
                        DevboxView.StateTransition.builder().status(DevboxStatus.PROVISIONING).transitionTimeMs(1_764_000_000_000L).build(),
                        DevboxView.StateTransition.builder().status(DevboxStatus.INITIALIZING).transitionTimeMs(1_764_000_002_500L).build(),
                        DevboxView.StateTransition.builder().status(DevboxStatus.RUNNING).transitionTimeMs(1_764_000_004_100L).build()))
                .build();
    }

    /** @return the JSON of {@link #devbox(int) devbox(0)} */
    public static byte[] devboxJson() {
        return JsonCodec.get().toBytes(devbox(0));
    }

    /** @return a page of 50 devboxes */
    public static DevboxListView devboxPage() {
        List<DevboxView> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(devbox(i));
        }
        return DevboxListView.builder().devboxes(items).hasMore(true).totalCount(500).build();
    }

    /** Prints the fixture sizes, to check the ~650-byte target. */
    public static void main(String[] args) {
        System.out.println("devbox JSON: " + devboxJson().length + " bytes");
        System.out.println(new String(devboxJson(), StandardCharsets.UTF_8));
        System.out.println("page of 50: " + JsonCodec.get().toBytes(devboxPage()).length + " bytes");
    }
}
