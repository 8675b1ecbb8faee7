package ai.runloop.transport.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Chooses native epoll when it is available and NIO otherwise. */
final class EventLoops {

    private EventLoops() {
    }

    /** Whether native epoll can be used in this JVM (Linux, with the native library loadable). */
    static boolean epollAvailable() {
        try {
            return Epoll.isAvailable();
        } catch (LinkageError e) {
            return false;
        }
    }

    /** A new group of daemon threads: epoll when available, NIO otherwise. */
    static EventLoopGroup newGroup() {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        DefaultThreadFactory threadFactory = new DefaultThreadFactory("runloop-netty", true);
        return new MultiThreadIoEventLoopGroup(threads, threadFactory,
                epollAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /** The socket channel type that fits a group. */
    static ChannelFactory<Channel> channelFactory(EventLoopGroup group) {
        if (epollAvailable() && group instanceof IoEventLoopGroup
                && ((IoEventLoopGroup) group).isIoType(EpollIoHandler.class)) {
            return EpollSocketChannel::new;
        }
        return NioSocketChannel::new;
    }
}
