package ai.runloop.emulator.internal.server;

/** Turns a bind address into the host part of a URL that reaches it. */
public final class RunloopEmulatorHosts {
    private RunloopEmulatorHosts() {
    }

    /**
     * @param bind the address the server listens on
     * @return the host to put in URLs: loopback for a wildcard bind, brackets around IPv6
     */
    public static String urlHost(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]")) {
            return "127.0.0.1";
        }
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }

    /** @param bind the address the server listens on @return true for 127.0.0.0/8, ::1 and localhost */
    public static boolean isLoopback(String bind) {
        return bind.startsWith("127.") || bind.equals("::1") || bind.equals("[::1]") || bind.equalsIgnoreCase("localhost");
    }
}
