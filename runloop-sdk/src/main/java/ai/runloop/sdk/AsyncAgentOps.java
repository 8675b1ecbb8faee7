package ai.runloop.sdk;

import ai.runloop.model.agents.AgentDevboxCountsView;
import ai.runloop.model.agents.AgentListPublicParams;
import ai.runloop.model.agents.AgentSource;
import java.util.Map;

import ai.runloop.model.agents.AgentCreateParams;
import ai.runloop.model.agents.AgentListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds agents ({@code CompletableFuture} flavour): {@code sdk.agent()}. */
public final class AsyncAgentOps {
    private final SdkContext ctx;

    AsyncAgentOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param params the create parameters
     * @return the new agent
     */
    public CompletableFuture<AsyncAgent> create(AgentCreateParams params) {
        Checks.notNull("params", params);
        return ctx.client().agents().async().create(params, null).thenApply(v -> new AsyncAgent(ctx, v.id()));
    }

    /**
     * @param id an existing agent's id
     * @return a handle (no request is made)
     */
    public AsyncAgent fromId(String id) {
        return new AsyncAgent(ctx, id);
    }

    /** @return the agents of the first page */
    public CompletableFuture<List<AsyncAgent>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the agents of the first page
     */
    public CompletableFuture<List<AsyncAgent>> list(AgentListParams params) {
        return ctx.client().agents().async().list(params, null)
                .thenApply(page -> page.agents().stream().map(v -> new AsyncAgent(ctx, v.id())).toList());
    }

    /**
     * Registers an agent installed from npm.
     *
     * @param name        the agent's name
     * @param packageName the npm package
     * @param version     the package version (semver), or null for the latest
     * @return the new agent
     */
    public CompletableFuture<AsyncAgent> createFromNpm(String name, String packageName, String version) {
        Checks.notBlank("packageName", packageName);
        return create(name, AgentSource.builder().type("npm")
                .npm(AgentSource.Npm.builder().packageName(packageName).build()).build(), version);
    }

    /**
     * Registers an agent installed from PyPI.
     *
     * @param name        the agent's name
     * @param packageName the pip package
     * @param version     the package version, or null for the latest
     * @return the new agent
     */
    public CompletableFuture<AsyncAgent> createFromPip(String name, String packageName, String version) {
        Checks.notBlank("packageName", packageName);
        return create(name, AgentSource.builder().type("pip")
                .pip(AgentSource.Pip.builder().packageName(packageName).build()).build(), version);
    }

    /**
     * Registers an agent cloned from a git repository.
     *
     * @param name       the agent's name
     * @param repository the repository URL
     * @param ref        a branch, tag or commit, or null for the default branch
     * @return the new agent
     */
    public CompletableFuture<AsyncAgent> createFromGit(String name, String repository, String ref) {
        Checks.notBlank("repository", repository);
        return create(name, AgentSource.builder().type("git")
                .git(AgentSource.Git.builder().repository(repository).ref(ref).build()).build(), ref);
    }

    /**
     * Registers an agent stored in a storage object.
     *
     * @param name     the agent's name
     * @param objectId the storage object holding the agent
     * @return the new agent
     */
    public CompletableFuture<AsyncAgent> createFromObject(String name, String objectId) {
        Checks.notBlank("objectId", objectId);
        return create(name, AgentSource.builder().type("object")
                .object(AgentSource.Object.builder().objectId(objectId).build()).build(), null);
    }

    private CompletableFuture<AsyncAgent> create(String name, AgentSource source, String version) {
        Checks.notBlank("name", name);
        return create(AgentCreateParams.builder().name(name).source(source).version(version).build());
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the public agents of the first page
     */
    public CompletableFuture<List<AsyncAgent>> listPublic(AgentListPublicParams params) {
        return ctx.client().agents().async().listPublic(params == null ? AgentListPublicParams.builder().build() : params, null)
                .thenApply(page -> page.agents().stream().map(v -> new AsyncAgent(ctx, v.id())).toList());
    }

    /** @return the number of devboxes per agent name */
    public CompletableFuture<Map<String, Integer>> devboxCounts() {
        return ctx.client().agents().async().devboxCounts().thenApply(AgentDevboxCountsView::counts);
    }
}
