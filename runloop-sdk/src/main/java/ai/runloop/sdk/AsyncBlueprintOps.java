package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.internal.Composites;
import ai.runloop.model.blueprints.BlueprintBuildParameters;
import ai.runloop.model.blueprints.BlueprintCreateParams;
import ai.runloop.model.blueprints.BlueprintListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Builds and finds blueprints ({@code CompletableFuture} flavour): {@code sdk.blueprint()}. */
public final class AsyncBlueprintOps {
    private final SdkContext ctx;

    AsyncBlueprintOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param params name, Dockerfile, setup commands, ...
     * @return the blueprint once built
     */
    public CompletableFuture<AsyncBlueprint> create(BlueprintCreateParams params) {
        return create(params, null);
    }

    /**
     * Starts a build and polls until it ends.
     *
     * @param params  name, Dockerfile, setup commands, ...
     * @param polling interval, attempts and budget (null for the default)
     * @return the blueprint once built; fails with an
     *         {@link ai.runloop.api.errors.UnexpectedStateException} when the build fails
     */
    public CompletableFuture<AsyncBlueprint> create(BlueprintCreateParams params, PollingConfig polling) {
        Checks.notNull("params", params);
        return Composites.createAndAwaitBuildComplete(ctx.core(), params, polling, null)
                .thenApply(v -> new AsyncBlueprint(ctx, v.id()));
    }

    /**
     * Uploads a local directory as the Docker build context (a tar.gz storage object named
     * {@code build-context-<name>}), then builds as {@link #create(BlueprintCreateParams, PollingConfig)}.
     *
     * @param params     name, Dockerfile, ... (its build context is replaced)
     * @param contextDir the local build context directory; what its {@code .dockerignore} names stays out
     *                   (for other rules upload it with {@link AsyncStorageObjectOps#uploadFromDir(Path, String, DirFilter)}
     *                   and pass the object as the build context)
     * @param polling    interval, attempts and budget (null for the default)
     * @return the blueprint once built
     */
    public CompletableFuture<AsyncBlueprint> create(BlueprintCreateParams params, Path contextDir, PollingConfig polling) {
        Checks.notNull("params", params);
        Checks.notNull("contextDir", contextDir);
        return new AsyncStorageObjectOps(ctx).uploadFromDir(contextDir, "build-context-" + params.name())
                .thenCompose(o -> create(params.toBuilder().buildContext(BlueprintBuildParameters.BuildContext.builder()
                        .objectId(o.id()).build()).build(), polling));
    }

    /**
     * @param id a blueprint id
     * @return a handle (no request is made)
     */
    public AsyncBlueprint fromId(String id) {
        return new AsyncBlueprint(ctx, id);
    }

    /**
     * Renders the Dockerfile a blueprint with these parameters would build; nothing is created.
     *
     * @param params the blueprint's build parameters
     * @return the preview
     */
    public CompletableFuture<ai.runloop.model.blueprints.BlueprintPreviewView> preview(
            ai.runloop.model.blueprints.BlueprintPreviewParams params) {
        Checks.notNull("params", params);
        return ctx.client().blueprints().async().preview(params, null);
    }

    /** @return the blueprints of the first page */
    public CompletableFuture<List<AsyncBlueprint>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the blueprints of the first page
     */
    public CompletableFuture<List<AsyncBlueprint>> list(BlueprintListParams params) {
        return ctx.client().blueprints().async().list(params, null)
                .thenApply(page -> page.blueprints().stream().map(v -> new AsyncBlueprint(ctx, v.id())).toList());
    }
}
