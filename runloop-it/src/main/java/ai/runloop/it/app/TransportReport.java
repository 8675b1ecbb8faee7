package ai.runloop.it.app;

import ai.runloop.sdk.RunloopSDK;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a {@link RunloopSDK} without naming a transport and prints, one {@code key=value} a line, the
 * app's module, the Runloop transport modules the JVM resolved, and the transport the SDK chose — or
 * {@code error=} with the SDK's message. Given an emulator's URL and token, it also lists devboxes
 * through that transport, so the choice is shown to work and not only to load.
 */
public final class TransportReport {
    private TransportReport() {
    }

    /**
     * @param args nothing, or the base URL and API key of a Runloop-compatible server to call once
     */
    public static void main(String[] args) {
        System.out.println("module=" + TransportReport.class.getModule().getName());
        System.out.println("resolved=" + ModuleLayer.boot().modules().stream().map(Module::getName)
                .filter(name -> name.startsWith("ai.runloop.transport.")).sorted().collect(Collectors.joining(",")));
        String baseUrl = args.length > 0 ? args[0] : "http://127.0.0.1:9";
        String apiKey = args.length > 1 ? args[1] : "not-used";
        RunloopSDK sdk;
        try {
            sdk = RunloopSDK.builder().environment(Map.of()).baseUrl(baseUrl).apiKey(apiKey).build();
        } catch (IllegalStateException e) {
            System.out.println("error=" + e.getMessage().replace('\n', ' '));
            return;
        }
        try (sdk) {
            // The client's description names its transport's class; there is no other public view of it.
            String client = sdk.api().toString();
            int start = client.indexOf("transport=");
            System.out.println("transport=" + (start < 0 ? "?" : client.substring(start + "transport=".length(),
                    client.indexOf('}', start))));
            if (args.length > 0) {
                System.out.println("devboxes=" + sdk.devbox().list().size());
            }
        }
    }
}
