package ai.runloop.api.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The user agent and informational platform headers sent on every request (behaviours §1). */
final class PlatformHeaders {
    /** The SDK version, from the jar manifest when packaged, else the development version. */
    static final String VERSION = version();

    private PlatformHeaders() {
    }

    static Map<String, String> all() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", "Runloop/Java " + VERSION);
        h.put("X-Stainless-Lang", "java");
        h.put("X-Stainless-Package-Version", VERSION);
        h.put("X-Stainless-OS", os());
        h.put("X-Stainless-Arch", System.getProperty("os.arch", "unknown"));
        h.put("X-Stainless-Runtime", System.getProperty("java.vm.name", "java"));
        h.put("X-Stainless-Runtime-Version", System.getProperty("java.version", "unknown"));
        return h;
    }

    private static String os() {
        String name = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "Linux";
        }
        if (name.contains("mac")) {
            return "MacOS";
        }
        if (name.contains("windows")) {
            return "Windows";
        }
        return "Other:" + name;
    }

    private static String version() {
        String v = PlatformHeaders.class.getPackage().getImplementationVersion();
        if (v == null) {
            v = PlatformHeaders.class.getModule().getDescriptor() != null
                    ? PlatformHeaders.class.getModule().getDescriptor().rawVersion().orElse(null) : null;
        }
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
