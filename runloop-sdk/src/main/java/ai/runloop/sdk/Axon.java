package ai.runloop.sdk;

import ai.runloop.api.SseStream;
import ai.runloop.model.axons.AxonEventView;
import ai.runloop.model.axons.AxonPublishParams;
import ai.runloop.model.axons.AxonSubscribeSseParams;
import ai.runloop.model.axons.AxonUpdateParams;
import ai.runloop.model.axons.AxonView;
import ai.runloop.model.axons.PublishResultView;
import ai.runloop.model.axons.SqlBatchParams;
import ai.runloop.model.axons.SqlBatchResultView;
import ai.runloop.model.axons.SqlQueryParams;
import ai.runloop.model.axons.SqlQueryResultView;
import ai.runloop.sdk.internal.Blocking;

/** An axon, an event log with SQL storage (beta) (blocking flavour; wraps an {@link AsyncAxon}). */
public final class Axon {
    private final AsyncAxon async;

    Axon(AsyncAxon async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncAxon async() {
        return async;
    }

    /** @return the id */
    public String id() {
        return async.id();
    }

    /** @return the current view */
    public AxonView getInfo() {
        return Blocking.call("Axon.getInfo", async::getInfo);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public AxonView update(AxonUpdateParams params) {
        return Blocking.call("Axon.update", () -> async.update(params));
    }

    /** Deletes it. */
    public void delete() {
        Blocking.call("Axon.delete", async::delete);
    }
    /**
     * @param params event type, origin, JSON payload and source
     * @return the sequence number assigned
     */
    public PublishResultView publish(AxonPublishParams params) {
        return Blocking.call("Axon.publish", () -> async.publish(params));
    }

    /**
     * @param afterSequence replay events after this sequence number (null for all)
     * @return the reconnecting event stream; read {@code stream()} (blocking) or {@code forEach}, and close it
     */
    public SseStream<AxonEventView> subscribeSse(Long afterSequence) {
        return async.subscribeSse(afterSequence);
    }

    /**
     * @param params SQL and its values
     * @return the rows
     */
    public SqlQueryResultView sqlQuery(SqlQueryParams params) {
        return Blocking.call("Axon.sqlQuery", () -> async.sqlQuery(params));
    }

    /**
     * @param params statements run in one transaction
     * @return one result per statement
     */
    public SqlBatchResultView sqlBatch(SqlBatchParams params) {
        return Blocking.call("Axon.sqlBatch", () -> async.sqlBatch(params));
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof Axon h && h.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "Axon{" + id() + '}';
    }
}
