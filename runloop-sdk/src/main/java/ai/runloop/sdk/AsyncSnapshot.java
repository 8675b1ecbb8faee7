package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.errors.UnexpectedStateException;
import ai.runloop.api.internal.Waits;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.model.devboxes.DevboxSnapshotAsyncStatusView;
import ai.runloop.model.devboxes.DevboxSnapshotView;
import ai.runloop.model.devboxes.DiskSnapshotUpdateParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/** A devbox disk snapshot ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class AsyncSnapshot {
    private final SdkContext ctx;
    private final String id;

    AsyncSnapshot(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("snapshotId", id);
    }

    /** @return the snapshot id */
    public String id() {
        return id;
    }

    /** @return the snapshot's progress: in_progress, complete (with the snapshot view) or error */
    public CompletableFuture<DevboxSnapshotAsyncStatusView> getInfo() {
        return ctx.client().devboxes().diskSnapshots().async().queryStatus(id, null);
    }

    /**
     * @param params new name, metadata (replaces the whole map) or commit message
     * @return the updated snapshot
     */
    public CompletableFuture<DevboxSnapshotView> update(DiskSnapshotUpdateParams params) {
        Checks.notNull("params", params);
        return ctx.client().devboxes().diskSnapshots().async().update(id, params, null);
    }

    /** @return completes when deleted */
    public CompletableFuture<Void> delete() {
        return ctx.client().devboxes().diskSnapshots().async().delete(id, null).thenApply(v -> null);
    }

    /** @return the status once complete; fails when it ends in error */
    public CompletableFuture<DevboxSnapshotAsyncStatusView> awaitCompleted() {
        return awaitCompleted(null);
    }

    /**
     * Polls the snapshot's status until it is complete.
     *
     * @param polling interval, attempts and budget (null for the default)
     * @return the status once complete; fails with {@link UnexpectedStateException} on error, or a
     *         {@link ai.runloop.api.errors.PollingTimeoutException} naming the last status seen
     */
    public CompletableFuture<DevboxSnapshotAsyncStatusView> awaitCompleted(PollingConfig polling) {
        String awaited = "disk snapshot " + id + " to complete";
        return Waits.poll(ctx.core(), this::getInfo, v -> !DevboxSnapshotAsyncStatusView.Status.COMPLETE.equals(v.status())
                        && !DevboxSnapshotAsyncStatusView.Status.ERROR.equals(v.status())
                        && !DevboxSnapshotAsyncStatusView.Status.DELETED.equals(v.status()),
                v -> String.valueOf(v.status()), polling, awaited).thenApply(v -> {
                    if (DevboxSnapshotAsyncStatusView.Status.COMPLETE.equals(v.status())) {
                        return v;
                    }
                    throw new UnexpectedStateException("Waited for " + awaited + " but it is " + v.status()
                            + (v.errorMessage() == null ? "" : " (" + v.errorMessage() + ")"), String.valueOf(v.status()), v);
                });
    }

    /** @return a devbox booted from this snapshot, once running */
    public CompletableFuture<AsyncDevbox> createDevbox() {
        return createDevbox(null, null);
    }

    /**
     * @param params  further parameters (null for none)
     * @param polling the wait budget (null for the default)
     * @return a devbox booted from this snapshot, once running
     */
    public CompletableFuture<AsyncDevbox> createDevbox(DevboxCreateParams params, PollingConfig polling) {
        return new AsyncDevboxOps(ctx).createFromSnapshot(id, params, polling);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncSnapshot s && s.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncSnapshot{" + id + '}';
    }
}
