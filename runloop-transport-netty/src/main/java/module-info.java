/**
 * The Runloop HTTP transport on Netty 4.2, named {@code netty}: pooled connections per request
 * kind, HTTP/1.1 keep-alive and HTTP/2 (ALPN over TLS, or cleartext with prior knowledge), native
 * epoll when present and NIO otherwise.
 *
 * <p>On the module path, native epoll is used only when the module
 * {@code io.netty.transport.epoll.linux.x86_64} is resolved (for example with
 * {@code --add-modules io.netty.transport.epoll.linux.x86_64}); on the class path its jar is enough.
 */
module ai.runloop.transport.netty {
    requires ai.runloop.api;
    requires transitive io.netty.common;
    requires transitive io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.codec.http2;
    requires io.netty.handler;
    requires io.netty.handler.proxy;
    requires io.netty.resolver;
    requires io.netty.transport.classes.epoll;

    exports ai.runloop.transport.netty;

    provides ai.runloop.api.spi.HttpTransportProvider with ai.runloop.transport.netty.NettyHttpTransportProvider;
}
