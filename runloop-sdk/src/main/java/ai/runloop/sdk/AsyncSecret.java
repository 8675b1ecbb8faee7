package ai.runloop.sdk;

import ai.runloop.model.secrets.SecretUpdateParams;
import ai.runloop.model.secrets.SecretView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/**
 * A secret ({@code CompletableFuture} flavour): an immutable handle holding its name, which is how the
 * API addresses secrets (and the environment variable name in devboxes). Values are never returned.
 */
public final class AsyncSecret {
    private final SdkContext ctx;
    private final String name;

    AsyncSecret(SdkContext ctx, String name) {
        this.ctx = ctx;
        this.name = Checks.notBlank("secretName", name);
    }

    /** @return the secret's name */
    public String name() {
        return name;
    }

    /** @return the current view (id, name, times; never the value) */
    public CompletableFuture<SecretView> getInfo() {
        return ctx.client().secrets().async().retrieve(name, null);
    }

    /** @return the secret's id */
    public CompletableFuture<String> id() {
        return getInfo().thenApply(SecretView::id);
    }

    /**
     * @param value the new value (never logged)
     * @return the updated view
     */
    public CompletableFuture<SecretView> update(String value) {
        Checks.notNull("value", value);
        return ctx.client().secrets().async().update(name, SecretUpdateParams.builder().value(value).build(), null);
    }

    /** @return the final view after deletion */
    public CompletableFuture<SecretView> delete() {
        return ctx.client().secrets().async().delete(name, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncSecret s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncSecret{" + name + '}';
    }
}
