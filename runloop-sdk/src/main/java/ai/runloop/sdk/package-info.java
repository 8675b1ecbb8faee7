/**
 * The object-oriented Runloop SDK. Start with {@link ai.runloop.sdk.RunloopSDK} (blocking) or
 * {@link ai.runloop.sdk.AsyncRunloopSDK} ({@code CompletableFuture}); each resource has an
 * {@code ...Ops} class to create and find it and a handle class ({@code Devbox}, {@code Blueprint},
 * ...) that holds only its id. Every blocking class wraps its {@code Async...} twin, reachable with
 * {@code async()}. Waiting calls take a {@link ai.runloop.api.PollingConfig}; a wait that runs out
 * throws a {@link ai.runloop.api.errors.PollingTimeoutException} naming what was awaited and the last
 * status seen.
 */
package ai.runloop.sdk;
