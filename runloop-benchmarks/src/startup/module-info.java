/**
 * The start-up probe linked into a jlink image with the JDK transport only: the quickstart's first
 * step (an SDK from the environment, one devbox read), timed from a cold JVM. Built by
 * {@code runloop-benchmarks/startup.sh}, not by Maven (the benchmarks module has no module-info).
 */
module ai.runloop.startup {
    requires ai.runloop.sdk;
}
