package ai.runloop.sdk;

import ai.runloop.model.devboxes.DiskSnapshotListParams;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Finds disk snapshots (blocking flavour; wraps {@link AsyncSnapshotOps}): {@code sdk.snapshot()}. */
public final class SnapshotOps {
    private final AsyncSnapshotOps async;

    SnapshotOps(AsyncSnapshotOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncSnapshotOps async() {
        return async;
    }

    /**
     * @param id a snapshot id
     * @return a handle (no request is made)
     */
    public Snapshot fromId(String id) {
        return new Snapshot(async.fromId(id));
    }

    /** @return the snapshots of the first page */
    public List<Snapshot> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the snapshots of the first page
     */
    public List<Snapshot> list(DiskSnapshotListParams params) {
        return Blocking.call("snapshot.list", () -> async.list(params)).stream().map(Snapshot::new).toList();
    }
}
