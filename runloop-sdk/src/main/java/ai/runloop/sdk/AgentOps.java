package ai.runloop.sdk;

import ai.runloop.model.agents.AgentListPublicParams;
import java.util.Map;

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

    /**
     * @param name        the agent's name
     * @param packageName the npm package
     * @param version     the package version, or null for the latest
     * @return the new agent
     */
    public Agent createFromNpm(String name, String packageName, String version) {
        return new Agent(Blocking.call("agent.createFromNpm", () -> async.createFromNpm(name, packageName, version)));
    }

    /**
     * @param name        the agent's name
     * @param packageName the pip package
     * @param version     the package version, or null for the latest
     * @return the new agent
     */
    public Agent createFromPip(String name, String packageName, String version) {
        return new Agent(Blocking.call("agent.createFromPip", () -> async.createFromPip(name, packageName, version)));
    }

    /**
     * @param name       the agent's name
     * @param repository the repository URL
     * @param ref        a branch, tag or commit, or null for the default branch
     * @return the new agent
     */
    public Agent createFromGit(String name, String repository, String ref) {
        return new Agent(Blocking.call("agent.createFromGit", () -> async.createFromGit(name, repository, ref)));
    }

    /**
     * @param name     the agent's name
     * @param objectId the storage object holding the agent
     * @return the new agent
     */
    public Agent createFromObject(String name, String objectId) {
        return new Agent(Blocking.call("agent.createFromObject", () -> async.createFromObject(name, objectId)));
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the public agents of the first page
     */
    public List<Agent> listPublic(AgentListPublicParams params) {
        return Blocking.call("agent.listPublic", () -> async.listPublic(params)).stream().map(Agent::new).toList();
    }

    /** @return the number of devboxes per agent name */
    public Map<String, Integer> devboxCounts() {
        return Blocking.call("agent.devboxCounts", async::devboxCounts);
    }
}
