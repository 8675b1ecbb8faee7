package ai.runloop.sdk;

import ai.runloop.model.secrets.SecretView;
import ai.runloop.sdk.internal.Blocking;

/** A secret (blocking flavour; wraps an {@link AsyncSecret}), addressed by name. */
public final class Secret {
    private final AsyncSecret async;

    Secret(AsyncSecret async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncSecret async() {
        return async;
    }

    /** @return the secret's name */
    public String name() {
        return async.name();
    }

    /** @return the secret's id (fetched) */
    public String id() {
        return Blocking.call("Secret.id", async::id);
    }

    /** @return the current view (never the value) */
    public SecretView getInfo() {
        return Blocking.call("Secret.getInfo", async::getInfo);
    }

    /**
     * @param value the new value
     * @return the updated view
     */
    public SecretView update(String value) {
        return Blocking.call("Secret.update", () -> async.update(value));
    }

    /** @return the final view after deletion */
    public SecretView delete() {
        return Blocking.call("Secret.delete", async::delete);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.name().equals(name());
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public String toString() {
        return "Secret{" + name() + '}';
    }
}
