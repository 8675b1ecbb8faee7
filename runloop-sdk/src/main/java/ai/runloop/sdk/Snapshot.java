package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.model.devboxes.DevboxSnapshotAsyncStatusView;
import ai.runloop.model.devboxes.DevboxSnapshotView;
import ai.runloop.model.devboxes.DiskSnapshotUpdateParams;
import ai.runloop.sdk.internal.Blocking;

/** A devbox disk snapshot (blocking flavour; wraps an {@link AsyncSnapshot}). */
public final class Snapshot {
    private final AsyncSnapshot async;

    Snapshot(AsyncSnapshot async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncSnapshot async() {
        return async;
    }

    /** @return the snapshot id */
    public String id() {
        return async.id();
    }

    /** @return the snapshot's progress and, once complete, its view */
    public DevboxSnapshotAsyncStatusView getInfo() {
        return Blocking.call("Snapshot.getInfo", async::getInfo);
    }

    /**
     * @param params new name, metadata or commit message
     * @return the updated snapshot
     */
    public DevboxSnapshotView update(DiskSnapshotUpdateParams params) {
        return Blocking.call("Snapshot.update", () -> async.update(params));
    }

    /** Deletes the snapshot. */
    public void delete() {
        Blocking.call("Snapshot.delete", async::delete);
    }

    /** @return the status once complete */
    public DevboxSnapshotAsyncStatusView awaitCompleted() {
        return Blocking.call("Snapshot.awaitCompleted", () -> async.awaitCompleted());
    }

    /**
     * @param polling interval, attempts and budget
     * @return the status once complete
     */
    public DevboxSnapshotAsyncStatusView awaitCompleted(PollingConfig polling) {
        return Blocking.call("Snapshot.awaitCompleted", () -> async.awaitCompleted(polling));
    }

    /** @return a devbox booted from this snapshot, once running */
    public Devbox createDevbox() {
        return new Devbox(Blocking.call("Snapshot.createDevbox", () -> async.createDevbox()));
    }

    /**
     * @param params  further parameters
     * @param polling the wait budget
     * @return a devbox booted from this snapshot, once running
     */
    public Devbox createDevbox(DevboxCreateParams params, PollingConfig polling) {
        return new Devbox(Blocking.call("Snapshot.createDevbox", () -> async.createDevbox(params, polling)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && s.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "Snapshot{" + id() + '}';
    }
}
