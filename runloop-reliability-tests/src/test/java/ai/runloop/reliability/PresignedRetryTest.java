package ai.runloop.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.errors.PermissionDeniedException;
import ai.runloop.emulator.FaultRule;
import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.model.objects.ObjectContentType;
import ai.runloop.model.objects.ObjectCreateParams;
import ai.runloop.sdk.RunloopSDK;
import ai.runloop.sdk.StorageObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Presigned storage transfers, through each transport, against the emulator's fault injection: an upload
 * answered 503 and 429 is sent again, a download cut mid-way starts again from the first byte and
 * truncates the file (which held other, longer content before), a 500 on a download is retried, and a 403
 * is an error at once, whose message does not quote the URL's signature.
 */
class PresignedRetryTest {
    private static final String PRESIGNED = "/_presigned/**";

    static List<String> transports() {
        return Sdks.TRANSPORTS;
    }

    @ParameterizedTest(name = "presigned PUT and GET are retried on {0}")
    @MethodSource("transports")
    void failedAttemptsAreRetriedAndADownloadStartsAgain(String transport, @TempDir Path tmp) throws IOException {
        byte[] content = new byte[3 << 20];
        new Random(5).nextBytes(content);
        Path file = Files.write(tmp.resolve("payload.bin"), content);
        try (RunloopEmulator emulator = RunloopEmulator.builder().token(Sdks.FAKE_KEY).rootDir(tmp.resolve("emulator"))
                .build().start();
             RunloopSDK sdk = Sdks.sdk(transport, emulator.baseUrl(), Sdks.FAKE_KEY, Duration.ofSeconds(20))) {
            emulator.faults().add(FaultRule.on("PUT", PRESIGNED).sequence(503, 429).retryAfterMillis(1).build());
            StorageObject o = sdk.storageObject().uploadFromFile(file);
            assertEquals(List.of(3), emulator.faults().hits(), "two failed PUTs and the one that stored the file");
            assertEquals(content.length, o.getInfo().sizeBytes());

            emulator.faults().clear();
            emulator.faults().add(FaultRule.on("GET", PRESIGNED).cutStreamAfterBytes(1 << 20).times(1).build());
            Path target = tmp.resolve("back.bin");
            byte[] older = new byte[5 << 20];
            java.util.Arrays.fill(older, (byte) 7);
            Files.write(target, older);
            assertEquals(target, o.downloadToFile(target));
            assertEquals(-1, Files.mismatch(file, target), "the file holds the object and nothing else");
            assertEquals(List.of(2), emulator.faults().hits(), "a cut download and the one that finished");

            emulator.faults().clear();
            emulator.faults().add(FaultRule.on("GET", PRESIGNED).status(500).times(1).build());
            assertArrayEquals(content, o.downloadAsBytes());
            assertEquals(List.of(2), emulator.faults().hits());
        }
    }

    @ParameterizedTest(name = "a presigned 403 is an error at once on {0}")
    @MethodSource("transports")
    void aForbiddenUploadFailsWithoutRetryOrSignature(String transport) {
        try (RunloopEmulator emulator = RunloopEmulator.builder().token(Sdks.FAKE_KEY).build().start();
             RunloopSDK sdk = Sdks.sdk(transport, emulator.baseUrl(), Sdks.FAKE_KEY, Duration.ofSeconds(20))) {
            StorageObject o = sdk.storageObject().create(ObjectCreateParams.builder().name("denied")
                    .contentType(ObjectContentType.TEXT).build());
            emulator.faults().add(FaultRule.on("PUT", PRESIGNED).status(403).build());
            PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> o.uploadContent("x"));
            assertEquals(403, e.status());
            assertEquals(List.of(1), emulator.faults().hits(), "not retried");
            assertTrue(e.getMessage().contains(o.id()), e.getMessage());
            String signature = o.uploadUrl().substring(o.uploadUrl().indexOf("signature=") + "signature=".length());
            assertFalse(SecretsTest.everything(e).contains(signature), "the URL's signature is in the error");
        }
    }
}
