package ai.runloop.startup;

import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.sdk.RunloopSDK;

/**
 * Connects like the quickstart does with an API key ({@code RUNLOOP_API_KEY}, {@code RUNLOOP_BASE_URL}),
 * reads one devbox and prints the wall-clock millisecond at which the answer was decoded, so that the
 * caller can subtract the moment it started the JVM.
 */
public final class FirstResponse {
    private FirstResponse() {
    }

    /** @param args the devbox id (default: the load server's fixed one) */
    public static void main(String[] args) {
        long inMain = System.currentTimeMillis();
        String id = args.length > 0 ? args[0] : "dbx_31Xq9ZkQmW7pL2rT";
        try (RunloopSDK sdk = RunloopSDK.create()) {
            long built = System.currentTimeMillis();
            DevboxView view = sdk.devbox().fromId(id).getInfo();
            long at = System.currentTimeMillis();
            if (System.getenv("RUNLOOP_STARTUP_TRACE") != null) {
                long started = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(inMain);
                System.err.println("JVM start to main " + (inMain - started) + " ms, SDK built " + (built - inMain)
                        + " ms, first getInfo " + (at - built) + " ms");
            }
            // Read back fields of the decoded record: a jlink image with broken record reading fails here.
            if (!id.equals(view.id()) || view.status() == null) {
                throw new IllegalStateException("unexpected answer: " + view);
            }
            System.out.println("first-response-at-ms " + at + " " + view.id() + " " + view.status());
        }
    }
}
