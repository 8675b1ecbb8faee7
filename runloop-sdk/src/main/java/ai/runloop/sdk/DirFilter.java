package ai.runloop.sdk;

import ai.runloop.sdk.internal.IgnoreRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which entries of a directory go into an uploaded archive (a storage object or a blueprint's build
 * context). The default, {@link #dockerignore()}, leaves out what the directory's own
 * {@code .dockerignore} names, as {@code docker build} would; without such a file everything goes in.
 * Patterns follow Docker's rules: {@code *}, {@code ?}, {@code [a-z]}, {@code **} across folders,
 * {@code !} to re-include, the last matching line wins, and a pattern that names a folder covers
 * everything below it. Immutable.
 *
 * <pre>{@code
 * sdk.storageObject().uploadFromDir(dir, "src.tar.gz", DirFilter.patterns("target", "**}{@code /*.log", "!keep.log"));
 * sdk.storageObject().uploadFromDir(dir, "src.tar.gz", DirFilter.everything().including(p -> !p.startsWith("secrets/")));
 * }</pre>
 */
public final class DirFilter {
    private static final String DOCKERIGNORE = ".dockerignore";
    private static final DirFilter DEFAULT = new DirFilter(null, null, null);

    /** Set for explicit patterns. */
    private final List<String> patterns;
    /** Set for an explicit ignore file; both null means the directory's {@code .dockerignore}, if any. */
    private final Path ignoreFile;
    private final Predicate<String> include;

    private DirFilter(List<String> patterns, Path ignoreFile, Predicate<String> include) {
        this.patterns = patterns;
        this.ignoreFile = ignoreFile;
        this.include = include;
    }

    /** @return the directory's {@code .dockerignore} if it has one, else everything (the default) */
    public static DirFilter dockerignore() {
        return DEFAULT;
    }

    /** @return every file and folder, whatever ignore file the directory holds */
    public static DirFilter everything() {
        return new DirFilter(List.of(), null, null);
    }

    /**
     * @param patterns Docker-style ignore patterns, one per entry (as lines of a {@code .dockerignore})
     * @return a filter leaving out what they name; the directory's own ignore file is not read
     * @throws IllegalArgumentException when a pattern cannot be read (the message quotes it)
     */
    public static DirFilter patterns(String... patterns) {
        Objects.requireNonNull(patterns, "patterns");
        return patterns(List.of(patterns));
    }

    /**
     * @param patterns Docker-style ignore patterns, one per entry
     * @return a filter leaving out what they name; the directory's own ignore file is not read
     * @throws IllegalArgumentException when a pattern cannot be read (the message quotes it)
     */
    public static DirFilter patterns(List<String> patterns) {
        Objects.requireNonNull(patterns, "patterns");
        List<String> copy = List.copyOf(patterns);
        IgnoreRules.parse(copy); // fail here, where the caller wrote the bad pattern
        return new DirFilter(copy, null, null);
    }

    /**
     * @param file an ignore file in {@code .dockerignore} syntax, read when the upload starts
     * @return a filter leaving out what it names, instead of the directory's own ignore file
     */
    public static DirFilter ignoreFile(Path file) {
        Objects.requireNonNull(file, "file");
        return new DirFilter(null, file, null);
    }

    /**
     * Adds a per-entry condition on top of the ignore rules: an entry goes in only if the rules keep it
     * and {@code include} accepts it.
     *
     * @param include receives the slash-separated path relative to the directory (folders without a
     *                trailing slash); a folder it rejects is left out with everything below it
     * @return a new filter
     */
    public DirFilter including(Predicate<String> include) {
        Objects.requireNonNull(include, "include");
        return new DirFilter(patterns, ignoreFile, this.include == null ? include : this.include.and(include));
    }

    /**
     * Resolves the rules for one directory (reads the ignore file now).
     *
     * @param dir the directory to be archived
     * @return the rules, and whether an entry is kept
     */
    Selection select(Path dir) {
        IgnoreRules rules;
        if (patterns != null) {
            rules = IgnoreRules.parse(patterns);
        } else {
            Path file = ignoreFile != null ? ignoreFile : dir.resolve(DOCKERIGNORE);
            rules = ignoreFile == null && !Files.isRegularFile(file) ? IgnoreRules.parse(List.of()) : read(file);
        }
        return new Selection(rules, include);
    }

    private static IgnoreRules read(Path file) {
        try {
            return IgnoreRules.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ignore file " + file, e);
        }
    }

    /** The rules of one directory and the caller's condition, as the archive writer asks them. */
    record Selection(IgnoreRules rules, Predicate<String> include) implements ai.runloop.sdk.internal.TarGz.EntryFilter {
        @Override
        public boolean keeps(String relativePath) {
            return !rules.excludes(relativePath) && (include == null || include.test(relativePath));
        }

        @Override
        public boolean mayKeepBelow(String folder) {
            // A folder the condition rejects is pruned; one the rules exclude may still hold a "!" exception.
            return (include == null || include.test(folder)) && (rules.hasExceptions() || !rules.excludes(folder));
        }
    }

    @Override
    public String toString() {
        return patterns != null ? "DirFilter" + patterns : ignoreFile != null ? "DirFilter[" + ignoreFile + "]"
                : "DirFilter[.dockerignore]";
    }
}
