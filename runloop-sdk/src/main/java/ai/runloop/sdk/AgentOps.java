package ai.runloop.sdk;

import ai.runloop.model.agents.AgentCreateParams;
import ai.runloop.model.agents.AgentListParams;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Creates and finds agents (blocking flavour; wraps {@link AsyncAgentOps}): {@code sdk.agent()}. */
public final class AgentOps {
    private final AsyncAgentOps async;

    AgentOps(AsyncAgentOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncAgentOps async() {
        return async;
    }

    /**
     * @param params the create parameters
     * @return the new agent
     */
    public Agent create(AgentCreateParams params) {
        return new Agent(Blocking.call("agent.create", () -> async.create(params)));
    }

    /**
     * @param id an existing agent's id
     * @return a handle (no request is made)
     */
    public Agent fromId(String id) {
        return new Agent(async.fromId(id));
    }

    /** @return the agents of the first page */
    public List<Agent> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the agents of the first page
     */
    public List<Agent> list(AgentListParams params) {
        return Blocking.call("agent.list", () -> async.list(params)).stream().map(Agent::new).toList();
    }
}
