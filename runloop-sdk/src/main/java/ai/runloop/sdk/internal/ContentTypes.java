package ai.runloop.sdk.internal;

import ai.runloop.model.objects.ObjectContentType;
import java.util.Locale;
import java.util.Set;

/** Storage-object content type from a file name, as the official clients detect it (behaviours §12). */
public final class ContentTypes {
    private static final Set<String> TEXT = Set.of(".txt", ".html", ".css", ".js", ".json", ".xml", ".yaml", ".yml",
            ".md", ".csv");

    private ContentTypes() {
    }

    /**
     * @param fileName a file name
     * @return tgz, gzip, tar, text or unspecified
     */
    public static ObjectContentType detect(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return ObjectContentType.TGZ;
        }
        if (name.endsWith(".gz")) {
            return ObjectContentType.GZIP;
        }
        if (name.endsWith(".tar")) {
            return ObjectContentType.TAR;
        }
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && TEXT.contains(name.substring(dot))) {
            return ObjectContentType.TEXT;
        }
        return ObjectContentType.UNSPECIFIED;
    }
}
