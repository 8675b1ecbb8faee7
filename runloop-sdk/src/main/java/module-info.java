/**
 * The object-oriented Runloop SDK: {@link ai.runloop.sdk.RunloopSDK} (blocking) and
 * {@link ai.runloop.sdk.AsyncRunloopSDK} ({@code CompletableFuture}) with handles for devboxes,
 * executions, files, snapshots, blueprints, storage objects, agents, scenarios, scorers, benchmarks,
 * secrets, network policies, gateway and MCP configs and axons. The REST client underneath is
 * {@code sdk.api()}.
 *
 * <p>Only {@code ai.runloop.sdk} is API; {@code ai.runloop.sdk.internal} is not exported.
 */
module ai.runloop.sdk {
    requires transitive ai.runloop.api;

    exports ai.runloop.sdk;
}
