package ai.runloop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import ai.runloop.api.errors.BadRequestException;
import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.sdk.Devbox;
import ai.runloop.sdk.RunloopSDK;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The emulator's own safety: file paths never escape a devbox's home (generated climbs, absolute
 * paths, encoded forms and symbolic links), it listens on loopback only, and a missing or wrong
 * token is refused with 401 and a JSON error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmulatorSafetyTest {
    private Path base;
    private RunloopEmulator emulator;
    private RunloopSDK sdk;
    private Devbox box;
    private Path home;
    private final AtomicInteger cases = new AtomicInteger();

    @BeforeAll
    void start() throws IOException {
        base = Files.createTempDirectory("reliability-emulator-").toRealPath();
        emulator = RunloopEmulator.builder().token(Sdks.FAKE_KEY).rootDir(Files.createDirectories(base.resolve("root")))
                .statusDelay(Duration.ofMillis(5)).build().start();
        sdk = Sdks.sdk("jdk", emulator.baseUrl(), Sdks.FAKE_KEY, Duration.ofSeconds(10));
        box = sdk.devbox().create();
        box.file().write("marker.txt", "here");
        try (Stream<Path> all = Files.walk(emulator.rootDir())) {
            home = all.filter(p -> p.getFileName().toString().equals("marker.txt")).findFirst().orElseThrow().getParent();
        }
        Files.createDirectories(base.resolve("outside"));
        Files.writeString(base.resolve("outside/secret.txt"), "outside");
        box.cmd().exec("ln -s " + base.resolve("outside") + " out-link && ln -s /etc etc-link && mkdir -p sub "
                + "&& ln -s ../../.. sub/up-link");
    }

    @AfterAll
    void stop() {
        if (sdk != null) {
            sdk.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        try (Stream<Path> all = Files.walk(base)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary folder
        }
        System.out.println("emulator safety: " + cases.get() + " generated cases");
    }

    static Gen<String> escapingPaths() {
        List<String> prefixes = List.of("..", "../..", "../../..", "~/..", "/home/user/..", "/home/user/../..", "a/../..",
                "./../", "sub/../../", "/etc", "/tmp", "/", "//", "out-link", "etc-link", "sub/up-link", "~/out-link",
                "/home/user/out-link", "out-link/../out-link", "..\\..\\../../..");
        return Generate.pick(prefixes).zip(Generate.range(0, 1_000_000), (p, n) -> p + "/pwned-" + n);
    }

    static Gen<String> encodedOrOddPaths() {
        List<String> prefixes = List.of("%2e%2e", "%2e%2e%2f%2e%2e", "..%2f..", "%252e%252e", "..%c0%af", "\u2024\u2024",
                "．．", "..\\..", "%00", " ..", ".. ", "...", "....//....", "~user/..");
        return Generate.pick(prefixes).zip(Generate.range(0, 1_000_000), (p, n) -> p + "/pwned-" + n);
    }

    private boolean existsOutsideHome(String name) throws IOException {
        java.util.concurrent.atomic.AtomicBoolean found = new java.util.concurrent.atomic.AtomicBoolean();
        Files.walkFileTree(base, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                return visitFile(dir, attrs);
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes attrs) {
                if (p.getFileName() != null && p.getFileName().toString().equals(name) && !p.startsWith(home)) {
                    found.set(true);
                    return java.nio.file.FileVisitResult.TERMINATE;
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                // The emulator's own temporary upload files come and go while the walk runs.
                if (e instanceof java.nio.file.NoSuchFileException) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        if (found.get()) {
            return true;
        }
        return Files.exists(Path.of("/tmp", name)) || Files.exists(Path.of("/", name)) || Files.exists(Path.of("/etc", name));
    }

    @Test
    void escapingPathsAreRefusedWith400() {
        qt().withFixedSeed(21).withExamples(60).forAll(escapingPaths()).checkAssert(path -> {
            cases.incrementAndGet();
            String name = path.substring(path.lastIndexOf('/') + 1);
            BadRequestException write = assertThrows(BadRequestException.class, () -> box.file().write(path, "x"), path);
            assertEquals(400, write.status());
            assertThrows(BadRequestException.class, () -> box.file().read(path), path);
            assertThrows(BadRequestException.class, () -> box.file().upload(path, new byte[]{1}), path);
            try {
                assertFalse(existsOutsideHome(name), "a file escaped the devbox home: " + path);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        // Reads of files that exist outside, through every kind of escape.
        for (String path : List.of("out-link/secret.txt", "../../outside/secret.txt", "etc-link/hostname",
                "/etc/hostname", "sub/up-link/outside/secret.txt", "~/../../../outside/secret.txt")) {
            cases.incrementAndGet();
            assertThrows(BadRequestException.class, () -> box.file().read(path), path);
        }
    }

    @Test
    void encodedFormsAreLiteralNamesInsideTheHomeOrRefused() {
        qt().withFixedSeed(22).withExamples(40).forAll(encodedOrOddPaths()).checkAssert(path -> {
            cases.incrementAndGet();
            String name = path.substring(path.lastIndexOf('/') + 1);
            try {
                box.file().write(path, "x");
                assertEquals("x", box.file().read(path));
            } catch (BadRequestException refused) {
                assertEquals(400, refused.status());
            }
            try {
                assertFalse(existsOutsideHome(name), "a file escaped the devbox home: " + path);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        assertEquals("127.0.0.1", emulator.baseUrl().getHost());
        List<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList();
        Assumptions.assumeFalse(external.isEmpty(), "this machine has no non-loopback IPv4 address to try");
        for (InetAddress address : external) {
            cases.incrementAndGet();
            try (Socket s = new Socket()) {
                assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(address, emulator.port()), 2000),
                        "the emulator accepted a connection on " + address);
            }
        }
    }

    static Gen<String> wrongAuthorizations() {
        String token = Sdks.FAKE_KEY;
        List<String> fixed = List.of("", "Bearer", "Bearer ", "Bearer  ", "Basic " + token, token, "Bearer " + token + "x",
                "Bearer " + token.substring(1), "Bearer " + token.toUpperCase(java.util.Locale.ROOT),
                "Bearer " + token.substring(0, token.length() - 1), "Token " + token, "Bearer " + token + " " + token,
                "Bearer \"" + token + "\"");
        Gen<String> random = SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 60)
                .assuming(s -> !s.contains(token)).map(s -> "Bearer " + s.strip());
        return Generate.pick(fixed).mix(random, 50);
    }

    @Test
    void missingOrWrongTokensAreRefusedWith401Json() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = emulator.baseUrl().toString();
        qt().withFixedSeed(23).withExamples(40).forAll(wrongAuthorizations(), Generate.pick(List.of(
                "/v1/devboxes", "/v1/objects", "/_emulator/faults", "/v1/devboxes/" + box.id()))).checkAssert((auth, path) -> {
            cases.incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(base + path)).timeout(Duration.ofSeconds(10));
            if (!auth.isEmpty()) {
                request.header("Authorization", auth);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, response.statusCode(), () -> "'" + auth + "' on " + path + " was not refused");
                assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
                assertTrue(response.body().contains("\"code\":401"), response.body());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(java.net.URI.create(base + "/v1/devboxes"))
                .header("Authorization", "Bearer " + Sdks.FAKE_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), "the right token is accepted (the test can tell)");
    }
}
