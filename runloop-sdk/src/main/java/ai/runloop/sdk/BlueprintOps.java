package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.model.blueprints.BlueprintCreateParams;
import ai.runloop.model.blueprints.BlueprintListParams;
import ai.runloop.sdk.internal.Blocking;
import java.nio.file.Path;
import java.util.List;

/** Builds and finds blueprints (blocking flavour; wraps {@link AsyncBlueprintOps}): {@code sdk.blueprint()}. */
public final class BlueprintOps {
    private final AsyncBlueprintOps async;

    BlueprintOps(AsyncBlueprintOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncBlueprintOps async() {
        return async;
    }

    /**
     * @param params name, Dockerfile, setup commands, ...
     * @return the blueprint once built
     */
    public Blueprint create(BlueprintCreateParams params) {
        return new Blueprint(Blocking.call("blueprint.create", () -> async.create(params)));
    }

    /**
     * @param params  name, Dockerfile, setup commands, ...
     * @param polling interval, attempts and budget
     * @return the blueprint once built
     */
    public Blueprint create(BlueprintCreateParams params, PollingConfig polling) {
        return new Blueprint(Blocking.call("blueprint.create", () -> async.create(params, polling)));
    }

    /**
     * @param params     name, Dockerfile, ...
     * @param contextDir the local build context, uploaded as a tar.gz object without what its
     *                   {@code .dockerignore} names (as {@code docker build} leaves it out)
     * @param polling    interval, attempts and budget
     * @return the blueprint once built
     */
    public Blueprint create(BlueprintCreateParams params, Path contextDir, PollingConfig polling) {
        return new Blueprint(Blocking.call("blueprint.create", () -> async.create(params, contextDir, polling)));
    }

    /**
     * @param id a blueprint id
     * @return a handle (no request is made)
     */
    public Blueprint fromId(String id) {
        return new Blueprint(async.fromId(id));
    }

    /**
     * Renders the Dockerfile a blueprint with these parameters would build; nothing is created.
     *
     * @param params the blueprint's build parameters
     * @return the preview
     */
    public ai.runloop.model.blueprints.BlueprintPreviewView preview(ai.runloop.model.blueprints.BlueprintPreviewParams params) {
        return Blocking.call("blueprint.preview", () -> async.preview(params));
    }

    /** @return the blueprints of the first page */
    public List<Blueprint> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the blueprints of the first page
     */
    public List<Blueprint> list(BlueprintListParams params) {
        return Blocking.call("blueprint.list", () -> async.list(params)).stream().map(Blueprint::new).toList();
    }
}
