package ai.runloop.sdk.internal;

import ai.runloop.api.RunloopClient;
import ai.runloop.api.internal.ApiCore;
import ai.runloop.api.internal.ClientAccess;

/**
 * What every handle of one SDK shares: the REST client and its pipeline (for the wait helpers and the
 * presigned transfers of storage objects).
 *
 * @param client the REST client
 * @param core   its pipeline
 */
public record SdkContext(RunloopClient client, ApiCore core) {
    /**
     * @param client the REST client
     * @return a context for it
     */
    public static SdkContext of(RunloopClient client) {
        return new SdkContext(client, ClientAccess.core(client));
    }
}
