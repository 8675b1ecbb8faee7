package ai.runloop.sdk.internal;

import ai.runloop.api.RunloopClient;
import ai.runloop.api.internal.ApiCore;
import ai.runloop.api.internal.ClientAccess;

/**
 * What every handle of one SDK shares: the REST client, its pipeline (for the wait helpers and the
 * presigned transfers of storage objects) and the eviction callbacks.
 *
 * @param client    the REST client
 * @param core      its pipeline
 * @param evictions eviction callbacks of the devboxes
 */
public record SdkContext(RunloopClient client, ApiCore core, EvictionMonitor evictions) {
    /**
     * @param client the REST client
     * @return a context for it
     */
    public static SdkContext of(RunloopClient client) {
        ApiCore core = ClientAccess.core(client);
        return new SdkContext(client, core, new EvictionMonitor(
                () -> client.devboxes().async().watchEvictions(ai.runloop.api.RequestOptions.none()), core::delay));
    }

    /** Stops what the handles share (the eviction stream) and the transport. */
    public void close() {
        evictions.close();
        client.close();
    }
}
