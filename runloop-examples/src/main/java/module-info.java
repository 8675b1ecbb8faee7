/**
 * Runnable examples of the Runloop Java SDK and the README's quickstart. Without
 * {@code RUNLOOP_API_KEY} they start the embedded local emulator (commands then run as local
 * processes: it is not a security sandbox).
 */
module ai.runloop.examples {
    requires ai.runloop.sdk;
    requires ai.runloop.emulator;

    exports ai.runloop.examples;
}
