package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.internal.Composites;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.model.devboxes.DevboxListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds devboxes ({@code CompletableFuture} flavour): {@code sdk.devbox()}. */
public final class AsyncDevboxOps {
    private final SdkContext ctx;

    AsyncDevboxOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /** @return a new devbox with default settings, once running */
    public CompletableFuture<AsyncDevbox> create() {
        return create(null, null);
    }

    /**
     * @param params the create parameters (null for defaults)
     * @return the devbox, once running
     */
    public CompletableFuture<AsyncDevbox> create(DevboxCreateParams params) {
        return create(params, null);
    }

    /**
     * Creates a devbox and waits until it runs: one {@code create_and_await_running} request, then
     * server-held long polls only if it is still booting.
     *
     * @param params  the create parameters (null for defaults)
     * @param polling the wait budget (null for the default)
     * @return the devbox, once running; fails with an
     *         {@link ai.runloop.api.errors.UnexpectedStateException} when it fails or shuts down instead
     */
    public CompletableFuture<AsyncDevbox> create(DevboxCreateParams params, PollingConfig polling) {
        return Composites.createAndAwaitRunning(ctx.core(), params, polling, null).thenApply(v -> new AsyncDevbox(ctx, v.id()));
    }

    /**
     * @param blueprintId a built blueprint
     * @return a devbox booted from it, once running
     */
    public CompletableFuture<AsyncDevbox> createFromBlueprintId(String blueprintId) {
        return createFromBlueprintId(blueprintId, null, null);
    }

    /**
     * @param blueprintId a built blueprint
     * @param params      further parameters (null for none); its source fields are replaced
     * @param polling     the wait budget (null for the default)
     * @return the devbox, once running
     */
    public CompletableFuture<AsyncDevbox> createFromBlueprintId(String blueprintId, DevboxCreateParams params,
                                                               PollingConfig polling) {
        Checks.notBlank("blueprintId", blueprintId);
        return create(base(params).blueprintId(blueprintId).blueprintName(null).snapshotId(null).build(), polling);
    }

    /**
     * @param blueprintName a blueprint name (its latest successful build is used)
     * @return the devbox, once running
     */
    public CompletableFuture<AsyncDevbox> createFromBlueprintName(String blueprintName) {
        return createFromBlueprintName(blueprintName, null, null);
    }

    /**
     * @param blueprintName a blueprint name
     * @param params        further parameters (null for none)
     * @param polling       the wait budget (null for the default)
     * @return the devbox, once running
     */
    public CompletableFuture<AsyncDevbox> createFromBlueprintName(String blueprintName, DevboxCreateParams params,
                                                                 PollingConfig polling) {
        Checks.notBlank("blueprintName", blueprintName);
        return create(base(params).blueprintName(blueprintName).blueprintId(null).snapshotId(null).build(), polling);
    }

    /**
     * @param snapshotId a completed disk snapshot
     * @return a devbox with that disk, once running
     */
    public CompletableFuture<AsyncDevbox> createFromSnapshot(String snapshotId) {
        return createFromSnapshot(snapshotId, null, null);
    }

    /**
     * @param snapshotId a completed disk snapshot
     * @param params     further parameters (null for none)
     * @param polling    the wait budget (null for the default)
     * @return the devbox, once running
     */
    public CompletableFuture<AsyncDevbox> createFromSnapshot(String snapshotId, DevboxCreateParams params,
                                                            PollingConfig polling) {
        Checks.notBlank("snapshotId", snapshotId);
        return create(base(params).snapshotId(snapshotId).blueprintId(null).blueprintName(null).build(), polling);
    }

    private static DevboxCreateParams.Builder base(DevboxCreateParams params) {
        return params == null ? DevboxCreateParams.builder() : params.toBuilder();
    }

    /**
     * @param id an existing devbox's id
     * @return a handle for it (no request is made; it is not awaited)
     */
    public AsyncDevbox fromId(String id) {
        return new AsyncDevbox(ctx, id);
    }

    /** @return the devboxes of the first page */
    public CompletableFuture<List<AsyncDevbox>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the devboxes of the first page
     */
    public CompletableFuture<List<AsyncDevbox>> list(DevboxListParams params) {
        return ctx.client().devboxes().async().list(params, null)
                .thenApply(page -> page.devboxes().stream().map(v -> new AsyncDevbox(ctx, v.id())).toList());
    }
}
