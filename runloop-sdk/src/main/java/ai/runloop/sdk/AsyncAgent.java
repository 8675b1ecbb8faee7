package ai.runloop.sdk;

import ai.runloop.model.agents.AgentView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/** An agent (a registered agent package) ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class AsyncAgent {
    private final SdkContext ctx;
    private final String id;

    AsyncAgent(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("agentId", id);
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the current view */
    public CompletableFuture<AgentView> getInfo() {
        return ctx.client().agents().async().retrieve(id, null);
    }

    /** @return completes when deleted */
    public CompletableFuture<Void> delete() {
        return ctx.client().agents().async().delete(id, null).thenApply(v -> null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncAgent h && h.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncAgent{" + id + '}';
    }
}
