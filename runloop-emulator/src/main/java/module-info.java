/**
 * A local Runloop-compatible server: devboxes are folders under a root directory and commands are
 * local processes. It is a development and test tool, <strong>not a security sandbox</strong>.
 *
 * <p>Only {@code ai.runloop.emulator} (the embeddable server and its fault plan) and
 * {@code ai.runloop.emulator.junit} (the JUnit 5 extension) are API; everything else is internal.
 */
module ai.runloop.emulator {
    requires ai.runloop.model;
    requires io.vertx.core;
    // The bytes of an upload chunk, written to disk without another copy (FileReceiver).
    requires io.netty.buffer;
    requires io.vertx.web;
    requires static io.vertx.codegen.api;
    requires static org.junit.jupiter.api;
    requires java.logging;

    exports ai.runloop.emulator;
    exports ai.runloop.emulator.junit;
}
