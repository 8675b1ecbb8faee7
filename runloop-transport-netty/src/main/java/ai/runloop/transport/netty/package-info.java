/**
 * The Runloop HTTP transport on Netty: its {@link java.util.ServiceLoader} provider and factories
 * that accept an application's {@link io.netty.channel.EventLoopGroup}.
 */
package ai.runloop.transport.netty;
