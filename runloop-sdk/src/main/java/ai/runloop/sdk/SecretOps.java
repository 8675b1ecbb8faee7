package ai.runloop.sdk;

import ai.runloop.model.secrets.SecretView;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Creates and finds secrets (blocking flavour; wraps {@link AsyncSecretOps}): {@code sdk.secret()}. */
public final class SecretOps {
    private final AsyncSecretOps async;

    SecretOps(AsyncSecretOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncSecretOps async() {
        return async;
    }

    /**
     * @param name  an environment-variable style name
     * @param value the value (never logged)
     * @return the new secret
     */
    public Secret create(String name, String value) {
        return new Secret(Blocking.call("secret.create", () -> async.create(name, value)));
    }

    /**
     * @param name a secret's name
     * @return a handle (no request is made)
     */
    public Secret fromName(String name) {
        return new Secret(async.fromName(name));
    }

    /**
     * @param name  a secret's name
     * @param value its new value
     * @return the updated view
     */
    public SecretView update(String name, String value) {
        return Blocking.call("secret.update", () -> async.update(name, value));
    }

    /**
     * @param name a secret's name
     * @return the final view after deletion
     */
    public SecretView delete(String name) {
        return Blocking.call("secret.delete", () -> async.delete(name));
    }

    /** @return every secret (no values) */
    public List<Secret> list() {
        return Blocking.call("secret.list", async::list).stream().map(Secret::new).toList();
    }
}
