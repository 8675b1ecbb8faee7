package ai.runloop.sdk;

import ai.runloop.model.devboxes.DiskSnapshotListParams;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Finds disk snapshots ({@code CompletableFuture} flavour): {@code sdk.snapshot()}. Create them with {@code devbox.snapshotDisk()}. */
public final class AsyncSnapshotOps {
    private final SdkContext ctx;

    AsyncSnapshotOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param id a snapshot id
     * @return a handle (no request is made)
     */
    public AsyncSnapshot fromId(String id) {
        return new AsyncSnapshot(ctx, id);
    }

    /** @return the snapshots of the first page */
    public CompletableFuture<List<AsyncSnapshot>> list() {
        return list(null);
    }

    /**
     * @param params filters (devbox, metadata) and page size (null for defaults)
     * @return the snapshots of the first page
     */
    public CompletableFuture<List<AsyncSnapshot>> list(DiskSnapshotListParams params) {
        return ctx.client().devboxes().diskSnapshots().async().list(params, null)
                .thenApply(page -> page.snapshots().stream().map(v -> new AsyncSnapshot(ctx, v.id())).toList());
    }
}
