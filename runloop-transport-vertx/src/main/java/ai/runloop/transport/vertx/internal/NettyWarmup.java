package ai.runloop.transport.vertx.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JVM-wide, one-time initialisation that Netty would otherwise do on an event loop, inside the first
 * write of the first request: its default (adaptive pooling) allocator registers its JDK Flight
 * Recorder event types when it allocates its first chunk, and the first registration initialises
 * JFR's metadata, which takes a few hundred milliseconds of CPU (more on a busy machine). Run on
 * the thread that builds the transport or its {@code Vertx}, never on an event loop.
 */
final class NettyWarmup {

    private static final AtomicBoolean DONE = new AtomicBoolean();

    private NettyWarmup() {
    }

    /** Allocates and frees one buffer of the kind a request's encoder allocates, once per JVM. */
    static void run() {
        if (DONE.compareAndSet(false, true)) {
            ByteBuf buffer = ByteBufAllocator.DEFAULT.directBuffer(256);
            buffer.writeByte(0);
            buffer.release();
        }
    }
}
