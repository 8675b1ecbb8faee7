package ai.runloop.sdk;

import ai.runloop.model.secrets.SecretCreateParams;
import ai.runloop.model.secrets.SecretView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds secrets ({@code CompletableFuture} flavour): {@code sdk.secret()}. */
public final class AsyncSecretOps {
    private final SdkContext ctx;

    AsyncSecretOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param name  an environment-variable style name ([A-Za-z0-9_]), unique
     * @param value the value, encrypted at rest and never returned (never logged)
     * @return the new secret
     */
    public CompletableFuture<AsyncSecret> create(String name, String value) {
        Checks.notBlank("name", name);
        Checks.notNull("value", value);
        return ctx.client().secrets().async().create(SecretCreateParams.builder().name(name).value(value).build(), null)
                .thenApply(v -> new AsyncSecret(ctx, v.name()));
    }

    /**
     * @param name a secret's name
     * @return a handle (no request is made)
     */
    public AsyncSecret fromName(String name) {
        return new AsyncSecret(ctx, name);
    }

    /**
     * @param name  a secret's name
     * @param value its new value
     * @return the updated view
     */
    public CompletableFuture<SecretView> update(String name, String value) {
        return fromName(name).update(value);
    }

    /**
     * @param name a secret's name
     * @return the final view after deletion
     */
    public CompletableFuture<SecretView> delete(String name) {
        return fromName(name).delete();
    }

    /** @return every secret the server returns (no values) */
    public CompletableFuture<List<AsyncSecret>> list() {
        return ctx.client().secrets().async().list(null, null)
                .thenApply(page -> page.secrets().stream().map(v -> new AsyncSecret(ctx, v.name())).toList());
    }
}
