package ai.runloop.transport.jdk.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;

/**
 * Stops a JDK {@link HttpClient}'s threads at once.
 *
 * <p>Why it matters: each client has a selector thread that waits in {@code epoll_wait}, i.e. in native
 * code. It is a daemon thread, but when the JVM exits it waits up to 300 ms for threads in native code
 * to come back ({@code VM_Exit::wait_for_threads_in_native_to_block}), so a program that closed its SDK
 * still took about 0.3 s more to exit. A stopped client's selector thread ends instead.
 *
 * <p>How: from JDK 21 on, {@code HttpClient.shutdownNow()} (called reflectively, this module is built for
 * Java 17). The JDK 17 client has no such method, but its selector thread ends its loop when interrupted
 * and then closes the client's connections and executor; it is named {@code HttpClient-<id>-SelectorManager},
 * and the client's {@code toString()} ends with {@code (<id>)} (the JDK's own tests find the thread that
 * way). If a JDK ever names them otherwise, nothing is found and the client is merely dropped, as before.
 */
final class ClientShutdown {

    private static final Method SHUTDOWN_NOW = shutdownNow();

    private ClientShutdown() {
    }

    /**
     * Stops the client's selector thread, which aborts its exchanges and closes its connections; it does
     * not wait for the thread to end.
     *
     * @param client the client, not used afterwards
     */
    static void stop(HttpClient client) {
        if (SHUTDOWN_NOW != null) {
            try {
                SHUTDOWN_NOW.invoke(client);
                return;
            } catch (IllegalAccessException | InvocationTargetException e) {
                // fall through to the JDK 17 way
            }
        }
        String name = selectorThreadName(client);
        if (name == null) {
            return;
        }
        for (Thread thread : allThreads()) {
            if (thread != null && name.equals(thread.getName())) {
                thread.interrupt();
            }
        }
    }

    /**
     * The name of the client's selector thread, from the id its {@code toString()} ends with.
     *
     * @param client the client
     * @return the name, or {@code null} if the text has no id
     */
    static String selectorThreadName(HttpClient client) {
        String text = client.toString();
        int open = text.lastIndexOf('(');
        if (open < 0 || !text.endsWith(")") || open + 2 > text.length() - 1) {
            return null;
        }
        String id = text.substring(open + 1, text.length() - 1);
        for (int i = 0; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return null;
            }
        }
        return "HttpClient-" + id + "-SelectorManager";
    }

    private static Thread[] allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        while (root.enumerate(threads, true) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return threads;
    }

    private static Method shutdownNow() {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            return HttpClient.class.getMethod("shutdownNow");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
