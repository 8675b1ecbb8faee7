package ai.runloop.sdk;

import ai.runloop.model.agents.AgentView;
import ai.runloop.sdk.internal.Blocking;

/** An agent (a registered agent package) (blocking flavour; wraps an {@link AsyncAgent}). */
public final class Agent {
    private final AsyncAgent async;

    Agent(AsyncAgent async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncAgent async() {
        return async;
    }

    /** @return the id */
    public String id() {
        return async.id();
    }

    /** @return the current view */
    public AgentView getInfo() {
        return Blocking.call("Agent.getInfo", async::getInfo);
    }

    /** Deletes it. */
    public void delete() {
        Blocking.call("Agent.delete", async::delete);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Agent h && h.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "Agent{" + id() + '}';
    }
}
