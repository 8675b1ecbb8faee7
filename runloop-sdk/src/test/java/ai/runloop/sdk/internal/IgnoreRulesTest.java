package ai.runloop.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker's ignore rules, case by case: what each pattern leaves out of an uploaded directory. */
class IgnoreRulesTest {

    @ParameterizedTest(name = "{0} on {1} -> excluded {2}")
    @CsvSource(delimiter = '|', value = {
            "node_modules        | node_modules                 | true",
            "node_modules        | node_modules/a/b.js          | true",
            "node_modules        | src/node_modules             | false",
            "**/node_modules     | src/node_modules/x.js        | true",
            "**/node_modules     | node_modules/x.js            | true",
            "*.log               | build.log                    | true",
            "*.log               | logs/build.log               | false",
            "*/*.log             | logs/build.log               | true",
            "**/*.log            | a/b/c/build.log              | true",
            "a/**/b              | a/b                          | true",
            "a/**/b              | a/x/y/b                      | true",
            "a/**/b              | ab                           | false",
            "a/**                | a/x                          | true",
            "a/**                | a                            | false",
            "/target             | target/classes/A.class       | true",
            "./target/           | target                       | true",
            "target/             | src/target                   | false",
            "?.txt               | a.txt                        | true",
            "?.txt               | ab.txt                       | false",
            "[a-c].txt           | b.txt                        | true",
            "[a-c].txt           | d.txt                        | false",
            "[^a-c].txt          | d.txt                        | true",
            "[^a-c].txt          | b.txt                        | false",
            "\\*.txt             | *.txt                        | true",
            "\\*.txt             | a.txt                        | false",
            "a+b(c).txt          | a+b(c).txt                   | true",
            "a+b(c).txt          | aab(c).txt                   | false",
            "*                   | anything/at/all              | true",
    })
    void onePattern(String pattern, String path, boolean excluded) {
        assertEquals(excluded, IgnoreRules.parse(List.of(pattern)).excludes(path), pattern + " on " + path);
    }

    @Test
    void theLastMatchingLineWinsAndExceptionsReinclude() {
        IgnoreRules rules = IgnoreRules.parse(List.of("# build output", "", "*.md", "!README*.md", "README-secret.md"));
        assertTrue(rules.excludes("CHANGES.md"));
        assertFalse(rules.excludes("README.md"));
        assertTrue(rules.excludes("README-secret.md"));
        assertFalse(rules.excludes("src/Main.java"));
        assertTrue(rules.hasExceptions());
    }

    @Test
    void anExceptionReachesIntoAnExcludedFolder() {
        IgnoreRules rules = IgnoreRules.parse(List.of("logs", "!logs/keep.log"));
        assertTrue(rules.excludes("logs"));
        assertTrue(rules.excludes("logs/other.log"));
        assertFalse(rules.excludes("logs/keep.log"));
    }

    @Test
    void noRulesExcludeNothing() {
        IgnoreRules rules = IgnoreRules.parse(List.of());
        assertFalse(rules.excludes("a"));
        assertFalse(rules.hasExceptions());
    }

    @Test
    void anUnreadablePatternIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IgnoreRules.parse(List.of("src/[ab")));
        assertTrue(e.getMessage().contains("src/[ab"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> IgnoreRules.parse(List.of("trailing\\")));
        assertTrue(e.getMessage().contains("trailing\\"), e.getMessage());
    }
}
