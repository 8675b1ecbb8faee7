package ai.runloop.transport.netty.internal;

import ai.runloop.api.spi.RequestKind;

/** An origin and a request kind: each has its own connections. */
record RouteKey(boolean tls, String host, int port, RequestKind kind) {
}
