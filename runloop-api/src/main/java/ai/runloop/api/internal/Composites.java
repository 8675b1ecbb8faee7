package ai.runloop.api.internal;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.RequestOptions;
import ai.runloop.api.errors.UnexpectedStateException;
import ai.runloop.api.services.BlueprintsService;
import ai.runloop.api.services.DevboxesService;
import ai.runloop.model.blueprints.BlueprintCreateParams;
import ai.runloop.model.blueprints.BlueprintView;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.model.devboxes.DevboxStatus;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.model.devboxes.DevboxWaitForStatusParams;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The client helpers of the reference that create and then wait (behaviours §8.3). */
public final class Composites {
    /** The devbox statuses await-running treats as still booting. */
    public static final Set<DevboxStatus> BOOTING = Set.of(DevboxStatus.PROVISIONING, DevboxStatus.INITIALIZING,
            DevboxStatus.QUEUED, DevboxStatus.SCHEDULED, DevboxStatus.RESUMING);
    private static final Set<String> BUILDING = Set.of("queued", "provisioning", "building");
    private static final Duration DEVBOX_HOLD = Duration.ofSeconds(30);

    private Composites() {
    }

    /**
     * POST create_and_await_running, then long-poll until the devbox leaves its booting states.
     *
     * @param core    the pipeline
     * @param params  the create parameters (null for none)
     * @param polling the wait budget
     * @param options options of the create request
     * @return the running devbox; fails with {@link UnexpectedStateException} when it ends otherwise
     */
    public static CompletableFuture<DevboxView> createAndAwaitRunning(ApiCore core, DevboxCreateParams params,
                                                                      PollingConfig polling, RequestOptions options) {
        DevboxesService devboxes = new DevboxesService(core);
        DevboxCreateParams body = params == null ? DevboxCreateParams.builder().build() : params;
        return devboxes.async().createAndAwaitRunningRaw(body, options).thenCompose(created ->
                DevboxStatus.RUNNING.equals(created.status()) ? CompletableFuture.completedFuture(created)
                        : awaitRunning(core, created.id(), polling, created));
    }

    /**
     * Long-polls until the devbox is running; fails when it reaches failure or shutdown instead.
     *
     * @param core    the pipeline
     * @param id      the devbox
     * @param polling the budget
     * @return the running devbox
     */
    public static CompletableFuture<DevboxView> awaitRunning(ApiCore core, String id, PollingConfig polling) {
        return awaitRunning(core, id, polling, null);
    }

    /**
     * Long-polls until the devbox is running, having already seen it in a state (e.g. the create reply).
     *
     * @param core     the pipeline
     * @param id       the devbox
     * @param polling  the budget
     * @param lastSeen the view seen before waiting, reported as the last status if the budget runs out
     *                 before any poll answers; or null
     * @return the running devbox
     */
    public static CompletableFuture<DevboxView> awaitRunning(ApiCore core, String id, PollingConfig polling,
                                                             DevboxView lastSeen) {
        return awaitDevbox(core, id, List.of(DevboxStatus.RUNNING, DevboxStatus.FAILURE, DevboxStatus.SHUTDOWN),
                v -> !BOOTING.contains(v.status()), polling, "devbox " + id + " to be running", lastSeen)
                .thenApply(v -> expect(v, DevboxStatus.RUNNING, "devbox " + id + " to be running"));
    }

    /**
     * Long-polls until the devbox is suspended; fails when it reaches failure or shutdown instead.
     *
     * @param core    the pipeline
     * @param id      the devbox
     * @param polling the budget
     * @return the suspended devbox
     */
    public static CompletableFuture<DevboxView> awaitSuspended(ApiCore core, String id, PollingConfig polling) {
        return awaitDevbox(core, id, List.of(DevboxStatus.SUSPENDED, DevboxStatus.FAILURE, DevboxStatus.SHUTDOWN),
                v -> !DevboxStatus.SUSPENDING.equals(v.status()) && !DevboxStatus.RUNNING.equals(v.status()),
                polling, "devbox " + id + " to be suspended")
                .thenApply(v -> expect(v, DevboxStatus.SUSPENDED, "devbox " + id + " to be suspended"));
    }

    /**
     * The devbox long-poll loop on {@code wait_for_status}.
     *
     * @param core     the pipeline
     * @param id       the devbox
     * @param statuses the statuses the server answers on
     * @param done     whether the answer ends the wait
     * @param polling  the budget
     * @param awaited  what is awaited, for messages
     * @return the view that ended the wait
     */
    public static CompletableFuture<DevboxView> awaitDevbox(ApiCore core, String id, List<DevboxStatus> statuses,
                                                            java.util.function.Predicate<DevboxView> done,
                                                            PollingConfig polling, String awaited) {
        return awaitDevbox(core, id, statuses, done, polling, awaited, null);
    }

    /**
     * The devbox long-poll loop on {@code wait_for_status}, having already seen the devbox.
     *
     * @param core     the pipeline
     * @param id       the devbox
     * @param statuses the statuses the server answers on
     * @param done     whether the answer ends the wait
     * @param polling  the budget
     * @param awaited  what is awaited, for messages
     * @param lastSeen the view seen before waiting, or null
     * @return the view that ended the wait
     */
    public static CompletableFuture<DevboxView> awaitDevbox(ApiCore core, String id, List<DevboxStatus> statuses,
                                                            java.util.function.Predicate<DevboxView> done,
                                                            PollingConfig polling, String awaited, DevboxView lastSeen) {
        DevboxesService devboxes = new DevboxesService(core);
        return Waits.longPoll(core, hold -> devboxes.async().waitForStatus(id,
                        DevboxWaitForStatusParams.builder().statuses(statuses).timeoutSeconds(hold.toMillis() / 1000.0).build(),
                        Waits.longPollOptions(hold)),
                done, v -> String.valueOf(v.status()), polling, awaited, DEVBOX_HOLD, lastSeen,
                () -> devboxes.async().retrieve(id, RequestOptions.builder().maxRetries(0)
                        .timeout(Duration.ofSeconds(5)).build()));
    }

    private static DevboxView expect(DevboxView view, DevboxStatus wanted, String awaited) {
        if (wanted.equals(view.status())) {
            return view;
        }
        String why = view.failureReason() != null ? " (failure reason " + view.failureReason() + ")"
                : view.shutdownReason() != null ? " (shutdown reason " + view.shutdownReason() + ")" : "";
        throw new UnexpectedStateException("Waited for " + awaited + " but it is " + view.status() + why,
                String.valueOf(view.status()), view);
    }

    /**
     * POST /v1/blueprints, then poll the blueprint until its build ends.
     *
     * @param core    the pipeline
     * @param params  the create parameters
     * @param polling interval, attempts and budget
     * @param options options of the create request
     * @return the built blueprint; fails with {@link UnexpectedStateException} when the build fails
     */
    public static CompletableFuture<BlueprintView> createAndAwaitBuildComplete(ApiCore core, BlueprintCreateParams params,
                                                                              PollingConfig polling, RequestOptions options) {
        BlueprintsService blueprints = new BlueprintsService(core);
        return blueprints.async().create(params, options).thenCompose(created -> awaitBuildComplete(core, created.id(), polling));
    }

    /**
     * Polls a blueprint until its build ends.
     *
     * @param core    the pipeline
     * @param id      the blueprint
     * @param polling interval, attempts and budget
     * @return the built blueprint
     */
    public static CompletableFuture<BlueprintView> awaitBuildComplete(ApiCore core, String id, PollingConfig polling) {
        BlueprintsService blueprints = new BlueprintsService(core);
        String awaited = "blueprint " + id + " to finish building";
        return Waits.poll(core, () -> blueprints.async().retrieve(id), v -> v.status() != null && BUILDING.contains(v.status().value()),
                v -> String.valueOf(v.status()), polling, awaited).thenApply(v -> {
                    if (BlueprintView.Status.BUILD_COMPLETE.equals(v.status())) {
                        return v;
                    }
                    throw new UnexpectedStateException("Waited for " + awaited + " but its build is " + v.status()
                            + (v.failureReason() == null ? "" : " (failure reason " + v.failureReason() + ")"),
                            String.valueOf(v.status()), v);
                });
    }
}
