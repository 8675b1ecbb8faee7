package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.model.blueprints.BlueprintBuildLogsListView;
import ai.runloop.model.blueprints.BlueprintView;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/** A blueprint, a devbox image build ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class AsyncBlueprint {
    private final SdkContext ctx;
    private final String id;

    AsyncBlueprint(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("blueprintId", id);
    }

    /** @return the blueprint id */
    public String id() {
        return id;
    }

    /** @return the current view (status, parameters, failure reason) */
    public CompletableFuture<BlueprintView> getInfo() {
        return ctx.client().blueprints().async().retrieve(id, null);
    }

    /** @return the build logs */
    public CompletableFuture<BlueprintBuildLogsListView> logs() {
        return ctx.client().blueprints().async().logs(id, null);
    }

    /** @return completes when deleted */
    public CompletableFuture<Void> delete() {
        return ctx.client().blueprints().async().delete(id, null).thenApply(v -> null);
    }

    /** @return a devbox booted from this blueprint, once running */
    public CompletableFuture<AsyncDevbox> createDevbox() {
        return createDevbox(null, null);
    }

    /**
     * @param params  further parameters (null for none)
     * @param polling the wait budget (null for the default)
     * @return a devbox booted from this blueprint, once running
     */
    public CompletableFuture<AsyncDevbox> createDevbox(DevboxCreateParams params, PollingConfig polling) {
        return new AsyncDevboxOps(ctx).createFromBlueprintId(id, params, polling);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncBlueprint b && b.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncBlueprint{" + id + '}';
    }
}
