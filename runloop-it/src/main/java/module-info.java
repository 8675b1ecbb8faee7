/**
 * A tiny modular application for the integration tests: it requires only the SDK and reports which
 * transport the SDK found on its module path. It exports nothing.
 */
module ai.runloop.it.app {
    requires ai.runloop.sdk;
}
