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
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/** An axon, an event log with SQL storage (beta) ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class AsyncAxon {
    private final SdkContext ctx;
    private final String id;

    AsyncAxon(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("axonId", id);
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the current view */
    public CompletableFuture<AxonView> getInfo() {
        return ctx.client().axons().async().retrieve(id, null);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public CompletableFuture<AxonView> update(AxonUpdateParams params) {
        Checks.notNull("params", params);
        return ctx.client().axons().async().update(id, params, null);
    }

    /** @return completes when deleted */
    public CompletableFuture<Void> delete() {
        return ctx.client().axons().async().delete(id, null).thenApply(v -> null);
    }
    /**
     * @param params event type, origin, JSON payload (as a string) and source
     * @return the sequence number assigned
     */
    public CompletableFuture<PublishResultView> publish(AxonPublishParams params) {
        Checks.notNull("params", params);
        return ctx.client().axons().async().publish(id, params, null);
    }

    /**
     * @param afterSequence replay events after this sequence number (null for all)
     * @return the events, reconnecting after drops from the last sequence seen; read it with
     *         {@code forEach} (callback on a transport thread) or {@code stream()}, and close it
     */
    public SseStream<AxonEventView> subscribeSse(Long afterSequence) {
        return ctx.client().axons().async().subscribeSse(id,
                AxonSubscribeSseParams.builder().afterSequence(afterSequence).build(), null);
    }

    /**
     * @param params SQL with {@code ?} placeholders and their values
     * @return the rows
     */
    public CompletableFuture<SqlQueryResultView> sqlQuery(SqlQueryParams params) {
        Checks.notNull("params", params);
        return ctx.client().axons().sql().async().query(id, params, null);
    }

    /**
     * @param params statements run atomically in one transaction
     * @return one result per statement
     */
    public CompletableFuture<SqlBatchResultView> sqlBatch(SqlBatchParams params) {
        Checks.notNull("params", params);
        return ctx.client().axons().sql().async().batch(id, params, null);
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncAxon h && h.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncAxon{" + id + '}';
    }
}
