package ai.runloop.sdk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Docker-style ignore rules ({@code .dockerignore}): one pattern per line, {@code #} comments and blank
 * lines skipped, {@code !} re-includes, the last matching rule wins. A pattern is matched against the
 * slash-separated path relative to the directory, and against each of that path's parents, so
 * {@code node_modules} leaves out everything below it. {@code *} and {@code ?} stay within one path
 * segment, {@code [...]} is a character class ({@code [^...]} negated), {@code \} escapes, {@code **}
 * spans any number of segments (also none). A leading {@code /} and {@code ./} are dropped.
 */
public final class IgnoreRules {
    private record Rule(Pattern pattern, boolean exclude, String text) {
    }

    private final List<Rule> rules;
    private final boolean hasExceptions;

    private IgnoreRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.hasExceptions = rules.stream().anyMatch(r -> !r.exclude());
    }

    /**
     * @param lines the lines of an ignore file, or patterns one per entry
     * @return the rules
     * @throws IllegalArgumentException for a pattern that cannot be read (an unclosed {@code [})
     */
    public static IgnoreRules parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            boolean exclude = true;
            if (text.startsWith("!")) {
                exclude = false;
                text = text.substring(1).strip();
            }
            String cleaned = clean(text);
            if (cleaned.isEmpty()) {
                continue;
            }
            rules.add(new Rule(Pattern.compile(toRegex(cleaned, line)), exclude, line));
        }
        return new IgnoreRules(rules);
    }

    /** @return whether a {@code !} rule exists, so an excluded folder may still hold included files */
    public boolean hasExceptions() {
        return hasExceptions;
    }

    /**
     * @param relativePath a slash-separated path relative to the directory
     * @return whether the rules leave it out
     */
    public boolean excludes(String relativePath) {
        String path = clean(relativePath);
        boolean excluded = false;
        for (Rule rule : rules) {
            if (rule.exclude() == excluded) {
                continue; // cannot change the outcome
            }
            if (matchesOrParentMatches(rule.pattern(), path)) {
                excluded = rule.exclude();
            }
        }
        return excluded;
    }

    private static boolean matchesOrParentMatches(Pattern pattern, String path) {
        if (pattern.matcher(path).matches()) {
            return true;
        }
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            if (pattern.matcher(path.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Drops a leading {@code /} or {@code ./}, empty and {@code .} segments, and a trailing slash. */
    private static String clean(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment);
        }
        return out.toString();
    }

    private static String toRegex(String glob, String line) {
        StringBuilder regex = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < n && glob.charAt(i + 1) == '*') {
                        i++;
                        boolean slashFollows = i + 1 < n && glob.charAt(i + 1) == '/';
                        if (slashFollows) {
                            i++;
                            regex.append("(?:.*/)?"); // "**/" is any number of leading folders, also none
                        } else {
                            regex.append(".*");
                        }
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '\\' -> {
                    if (i + 1 >= n) {
                        throw new IllegalArgumentException("ignore pattern ends with an escape: " + line);
                    }
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException("ignore pattern has an unclosed '[': " + line);
                    }
                    String body = glob.substring(i + 1, end);
                    boolean negated = body.startsWith("^") || body.startsWith("!");
                    regex.append('[').append(negated ? "^/" : "");
                    for (char member : (negated ? body.substring(1) : body).toCharArray()) {
                        // Letters, digits and range dashes as they are; anything else escaped, so that no
                        // character means something else in a Java class ("&&", "[", "]").
                        if (member != '-' && !Character.isLetterOrDigit(member)) {
                            regex.append('\\');
                        }
                        regex.append(member);
                    }
                    regex.append(']');
                    i = end;
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return "IgnoreRules" + rules.stream().map(Rule::text).toList();
    }
}
