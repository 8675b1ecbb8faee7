package ai.runloop.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.errors.PollingTimeoutException;
import ai.runloop.model.blueprints.BlueprintCreateParams;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.model.devboxes.DevboxSnapshotAsyncStatusView;
import ai.runloop.model.devboxes.DevboxSnapshotDiskAsyncParams;
import ai.runloop.model.devboxes.DevboxEvictionEventView;
import ai.runloop.model.devboxes.DevboxStatus;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.model.devboxes.DiskSnapshotUpdateParams;
import ai.runloop.model.devboxes.ExecutionStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devboxes, commands, files, network, lifecycle and snapshots, in both flavours. */
abstract class AbstractDevboxE2e extends E2eBase {

    @Test
    void createExecAndShutdownBlocking() {
        Devbox devbox = sdk.devbox().create(DevboxCreateParams.builder().name("e2e-blocking").build());
        assertEquals(DevboxStatus.RUNNING, devbox.getInfo().status());
        ExecutionResult ok = devbox.cmd().exec("echo hello");
        assertEquals(0, ok.exitCode());
        assertTrue(ok.success());
        assertFalse(ok.failed());
        assertEquals("hello\n", ok.stdout());
        assertEquals(devbox.id(), ok.devboxId());
        assertNotNull(ok.executionId());
        ExecutionResult bad = devbox.cmd().exec("echo oops >&2; exit 3");
        assertEquals(3, bad.exitCode());
        assertTrue(bad.failed());
        assertEquals("oops", bad.stderr(1));
        assertEquals(ExecutionStatus.COMPLETED, bad.raw().status());
        assertEquals(DevboxStatus.SHUTDOWN, devbox.shutdown().status());
    }

    @Test
    void createExecAndShutdownAsync() {
        AsyncDevbox devbox = await(asyncSdk.devbox().create());
        assertEquals(DevboxStatus.RUNNING, await(devbox.getInfo()).status());
        ExecutionResult r = await(devbox.cmd().exec("printf 'a\\nb\\nc'"));
        assertEquals("b\nc", await(r.stdoutAsync(2)));
        assertEquals("", await(r.stderrAsync()));
        assertEquals(DevboxStatus.SHUTDOWN, await(devbox.shutdown()).status());
    }

    @Test
    void tryWithResourcesShutsTheDevboxDown() {
        String id;
        try (Devbox devbox = sdk.devbox().create()) {
            id = devbox.id();
            assertEquals(DevboxStatus.RUNNING, devbox.getInfo().status());
        }
        assertEquals(DevboxStatus.SHUTDOWN, sdk.devbox().fromId(id).getInfo().status());
    }

    private static final String MANY_LINES = "for i in $(seq 1 3000); do echo line-$i; echo err-$i >&2; done; "
            + "printf 'h\\303\\251llo \\360\\237\\214\\215 no newline'";

    private static List<String> expected(String prefix) {
        return IntStream.rangeClosed(1, 3000).mapToObj(i -> prefix + i).collect(Collectors.toList());
    }

    @Test
    void anEvictionCallbackFiresOnceWhenTheEvictionIsAnnounced() throws Exception {
        try (Devbox devbox = sdk.devbox().create()) {
            CompletableFuture<DevboxEvictionEventView> evicted = new CompletableFuture<>();
            devbox.onEvict(evicted::complete);
            // The SDK opens the eviction stream in the background: announce until a stream has heard it.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int streams = 0;
            while (streams == 0 && System.nanoTime() < deadline) {
                java.net.HttpURLConnection c = (java.net.HttpURLConnection) emulator.baseUrl().resolve("/_emulator/evictions")
                        .toURL().openConnection();
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                c.setRequestProperty("Authorization", "Bearer " + emulator.token());
                c.setRequestProperty("Content-Type", "application/json");
                c.getOutputStream().write(("{\"devbox_id\":\"" + devbox.id() + "\",\"eviction_deadline_ms\":1234}")
                        .getBytes(StandardCharsets.UTF_8));
                assertEquals(200, c.getResponseCode());
                String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                streams = Integer.parseInt(body.replaceAll(".*\"streams\":(\\d+).*", "$1"));
            }
            assertEquals(1, streams, "one eviction stream for the SDK");
            DevboxEvictionEventView event = await(evicted);
            assertEquals(devbox.id(), event.devboxId());
            assertEquals(1234L, event.evictionDeadlineMs());
            assertFalse(devbox.cancelOnEvict(), "the callback fired and was removed");
        }
    }

    @Test
    void streamingCallbacksReceiveEveryLineInOrderBlocking() {
        try (Devbox devbox = sdk.devbox().create()) {
            List<String> out = Collections.synchronizedList(new ArrayList<>());
            List<String> err = Collections.synchronizedList(new ArrayList<>());
            List<String> both = Collections.synchronizedList(new ArrayList<>());
            ExecutionResult r = devbox.cmd().exec(MANY_LINES, ExecOptions.builder()
                    .stdout(out::add).stderr(err::add).output(both::add).build());
            List<String> wantOut = expected("line-");
            wantOut.add("héllo 🌍 no newline");
            assertEquals(wantOut, out);
            assertEquals(expected("err-"), err);
            assertEquals(6001, both.size());
            assertEquals(String.join("\n", wantOut), r.stdout());
            assertEquals("line-3000\nhéllo 🌍 no newline", r.stdout(2));
            assertEquals("err-2999\nerr-3000", r.stderr(2));
        }
    }

    @Test
    void streamingCallbacksReceiveEveryLineInOrderAsync() {
        AsyncDevbox devbox = await(asyncSdk.devbox().create());
        try {
            List<String> out = Collections.synchronizedList(new ArrayList<>());
            AsyncExecution running = await(devbox.cmd().execAsync(MANY_LINES,
                    ExecOptions.builder().stdout(out::add).build()));
            assertEquals(devbox.id(), running.devboxId());
            ExecutionResult r = await(running.result());
            assertEquals(3001, out.size());
            assertEquals("line-1", out.get(0));
            assertEquals("héllo 🌍 no newline", out.get(3000));
            assertEquals(0, r.exitCode());
        } finally {
            await(devbox.shutdown());
        }
    }

    @Test
    void truncatedOutputIsReadWholeFromTheStream() {
        try (Devbox devbox = sdk.devbox().create()) {
            ExecutionResult r = devbox.cmd().exec("seq 1 700");
            assertTrue(Boolean.TRUE.equals(r.raw().stdoutTruncated()), "the server's tail should be cut");
            assertEquals("699\n700", r.stdout(2));
            String all = r.stdout();
            assertEquals(700, all.split("\n").length);
            assertTrue(all.startsWith("1\n2\n3\n"));
            assertEquals("1\n2", r.stdout(700).substring(0, 3));
        }
    }

    @Test
    void executionHandleStateKillAndStdin() {
        try (Devbox devbox = sdk.devbox().create()) {
            Execution sleeping = devbox.cmd().execAsync("sleep 60");
            assertEquals(devbox.id(), sleeping.devboxId());
            assertNotNull(sleeping.executionId());
            assertNotNull(sleeping.getState().status());
            sleeping.kill();
            ExecutionResult killed = sleeping.result(PollingConfig.timeout(Duration.ofSeconds(30)));
            assertFalse(killed.success());

            Execution cat = devbox.cmd().execAsync("cat", ExecOptions.builder().attachStdin(true).build());
            cat.sendStdIn("typed line\n");
            cat.closeStdIn();
            assertEquals("typed line\n", cat.result().stdout());

            AsyncExecution asyncCat = await(devbox.async().cmd().execAsync("cat",
                    ExecOptions.builder().attachStdin(true).build()));
            await(asyncCat.sendStdIn("x"));
            await(asyncCat.closeStdIn());
            assertEquals("x", await(asyncCat.result()).stdout());
            AsyncExecution asyncSleep = await(devbox.async().cmd().execAsync("sleep 60"));
            await(asyncSleep.getState());
            await(asyncSleep.kill(true));
            assertFalse(await(asyncSleep.result()).success());
        }
    }

    @Test
    void namedShellsKeepDirectoryAndVariables() {
        try (Devbox devbox = sdk.devbox().create()) {
            CommandOps shell = devbox.shell("e2e_shell");
            assertEquals("e2e_shell", shell.shellName());
            shell.exec("mkdir -p sub && cd sub && export GREETING=hi");
            assertEquals("hi sub", shell.exec("echo $GREETING $(basename $(pwd))").stdout(1));
            CommandOps generated = devbox.shell();
            assertNotNull(generated.shellName());
            AsyncCommandOps asyncShell = devbox.async().shell("e2e_async");
            await(asyncShell.exec("export N=7"));
            assertEquals("7", await(asyncShell.exec("echo $N")).stdout(1));
        }
    }

    @Test
    void filesInBothFlavours(@TempDir Path tmp) throws Exception {
        try (Devbox devbox = sdk.devbox().create()) {
            FileOps files = devbox.file();
            files.write("notes/a.txt", "héllo\n");
            assertEquals("héllo\n", files.read("notes/a.txt"));
            byte[] bytes = new byte[70_000];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 31);
            }
            files.upload("bin/b.dat", bytes);
            assertArrayEquals(bytes, files.download("bin/b.dat"));
            Path local = tmp.resolve("local.bin");
            Files.write(local, bytes);
            files.upload("bin/c.dat", local);
            files.upload("bin/d.dat", () -> new ByteArrayInputStream(bytes), bytes.length);
            Path back = tmp.resolve("back.bin");
            assertEquals(bytes.length, files.downloadTo("bin/c.dat", back));
            assertArrayEquals(bytes, Files.readAllBytes(back));
            try (InputStream in = files.downloadStream("bin/d.dat")) {
                assertArrayEquals(bytes, in.readAllBytes());
            }

            AsyncFileOps af = devbox.async().file();
            await(af.write("x.txt", "async"));
            assertEquals("async", await(af.read("x.txt")));
            await(af.upload("y.bin", bytes));
            await(af.upload("z.bin", local));
            await(af.upload("w.bin", () -> new ByteArrayInputStream(bytes), bytes.length));
            assertArrayEquals(bytes, await(af.download("w.bin")));
            Path back2 = tmp.resolve("back2.bin");
            assertEquals((long) bytes.length, await(af.downloadTo("z.bin", back2)));
            assertArrayEquals(bytes, Files.readAllBytes(back2));
            try (InputStream in = await(af.downloadStream("y.bin"))) {
                assertArrayEquals(bytes, in.readAllBytes());
            }
            assertEquals("async", devbox.cmd().exec("cat x.txt").stdout());
        }
    }

    @Test
    void badInputNamesTheField() {
        Devbox devbox = sdk.devbox().fromId("dbx_unknown");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> devbox.cmd().exec(" "));
        assertTrue(e.getMessage().contains("command"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> devbox.file().read(""));
        assertTrue(e.getMessage().contains("path"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sdk.devbox().fromId(null));
        assertTrue(e.getMessage().contains("devboxId"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> devbox.net().getTunnelUrl(0));
        assertTrue(e.getMessage().contains("port"), e.getMessage());
    }

    @Test
    void networkSshKeyAndTunnel() {
        try (Devbox devbox = sdk.devbox().create()) {
            assertNotNull(devbox.net().createSshKey().sshPrivateKey());
            assertNotNull(devbox.net().enableTunnel().tunnelKey());
            String url = devbox.net().getTunnelUrl(8080);
            assertTrue(url.startsWith("https://8080-"), url);
            assertNotNull(devbox.net().getTunnel());
            devbox.net().removeTunnel();
            assertNotNull(await(devbox.async().net().createSshKey()));
            await(devbox.async().net().enableTunnel());
            assertTrue(await(devbox.async().net().getTunnelUrl(3000)).startsWith("https://3000-"));
            await(devbox.async().net().removeTunnel());
        }
    }

    @Test
    void lifecycleSuspendResumeKeepAlive() {
        try (Devbox devbox = sdk.devbox().create()) {
            devbox.keepAlive();
            assertEquals(DevboxStatus.SUSPENDED, devbox.suspend().status());
            assertEquals(DevboxStatus.SUSPENDED, devbox.awaitSuspended().status());
            assertEquals(DevboxStatus.RUNNING, devbox.resume().status());
            assertEquals(DevboxStatus.RUNNING, devbox.awaitRunning().status());
            assertNotNull(devbox.logs());
            AsyncDevbox a = devbox.async();
            await(a.keepAlive());
            assertEquals(DevboxStatus.SUSPENDED, await(a.suspend(PollingConfig.timeout(Duration.ofSeconds(30)))).status());
            assertEquals(DevboxStatus.SUSPENDED, await(a.awaitSuspended(null)).status());
            assertNotNull(await(a.resumeAsync()));
            assertEquals(DevboxStatus.RUNNING, await(a.awaitRunning(PollingConfig.timeout(Duration.ofSeconds(30)))).status());
            await(a.suspend());
            assertEquals(DevboxStatus.RUNNING, await(a.resume()).status());
            assertNotNull(await(a.logs()));
            assertNotNull(devbox.suspend(null));
            assertNotNull(devbox.resumeAsync());
            assertEquals(DevboxStatus.RUNNING, devbox.awaitRunning(null).status());
        }
    }

    @Test
    void pollingTimeoutsSayWhatWasAwaitedAndTheLastStatus() {
        try (Devbox devbox = sdk.devbox().create()) {
            PollingTimeoutException e = assertThrows(PollingTimeoutException.class, () -> devbox.cmd().exec("sleep 30",
                    ExecOptions.builder().polling(PollingConfig.timeout(Duration.ofMillis(1500))).build()));
            assertTrue(e.getMessage().contains("to complete"), e.getMessage());
            assertEquals("running", e.lastStatus(), e.getMessage());
            e = assertThrows(PollingTimeoutException.class,
                    () -> devbox.awaitSuspended(PollingConfig.timeout(Duration.ofMillis(1200))));
            assertTrue(e.getMessage().contains("devbox " + devbox.id() + " to be suspended"), e.getMessage());
            assertEquals("running", e.lastStatus(), e.getMessage());
            Execution running = devbox.cmd().execAsync("sleep 30");
            e = assertThrows(PollingTimeoutException.class,
                    () -> running.result(new PollingConfig(Duration.ofMillis(100), 5, null)));
            assertEquals("running", e.lastStatus());
            running.kill();
        }
    }

    @Test
    void snapshotsInBothFlavours() {
        try (Devbox devbox = sdk.devbox().create()) {
            devbox.file().write("kept.txt", "from the snapshot");
            Snapshot snap = devbox.snapshotDisk(DevboxSnapshotDiskAsyncParams.builder().name("e2e-snap").build());
            assertEquals(DevboxSnapshotAsyncStatusView.Status.COMPLETE, snap.getInfo().status());
            assertTrue(sdk.snapshot().list().contains(snap));
            assertEquals(snap, sdk.snapshot().fromId(snap.id()));
            assertEquals("renamed", snap.update(DiskSnapshotUpdateParams.builder().name("renamed")
                    .metadata(Map.of("k", "v")).build()).name());
            try (Devbox restored = snap.createDevbox()) {
                assertEquals("from the snapshot", restored.file().read("kept.txt"));
            }
            try (Devbox restored = sdk.devbox().createFromSnapshot(snap.id())) {
                assertEquals(DevboxStatus.RUNNING, restored.getInfo().status());
            }
            Snapshot started = devbox.snapshotDiskAsync();
            assertEquals(DevboxSnapshotAsyncStatusView.Status.COMPLETE, started.awaitCompleted().status());
            started.delete();
            snap.delete();

            AsyncSnapshot a = await(devbox.async().snapshotDisk());
            assertEquals(DevboxSnapshotAsyncStatusView.Status.COMPLETE, await(a.getInfo()).status());
            assertTrue(await(asyncSdk.snapshot().list()).contains(a));
            AsyncSnapshot b = await(devbox.async().snapshotDiskAsync());
            await(b.awaitCompleted(PollingConfig.timeout(Duration.ofSeconds(30))));
            AsyncDevbox fromSnap = await(b.createDevbox(null, null));
            await(fromSnap.shutdown());
            AsyncDevbox fromSnap2 = await(asyncSdk.devbox().createFromSnapshot(a.id()));
            await(fromSnap2.shutdown());
            await(a.update(DiskSnapshotUpdateParams.builder().commitMessage("c").build()));
            await(a.delete());
            await(b.delete());
        }
    }

    @Test
    void blueprintsAndDevboxesFromThem() {
        Blueprint bp = sdk.blueprint().create(BlueprintCreateParams.builder().name("e2e-bp")
                .systemSetupCommands(List.of("echo setup")).build());
        assertEquals("build_complete", bp.getInfo().status().value());
        assertNotNull(bp.logs());
        String dockerfile = sdk.blueprint().preview(ai.runloop.model.blueprints.BlueprintPreviewParams.builder()
                .name("e2e-preview").systemSetupCommands(List.of("echo from-the-preview")).build()).dockerfile();
        assertTrue(dockerfile.contains("echo from-the-preview"), dockerfile);
        assertTrue(sdk.blueprint().list().contains(bp));
        try (Devbox d = bp.createDevbox()) {
            assertEquals(bp.id(), d.getInfo().blueprintId());
        }
        try (Devbox d = sdk.devbox().createFromBlueprintId(bp.id())) {
            assertEquals(bp.id(), d.getInfo().blueprintId());
        }
        try (Devbox d = sdk.devbox().createFromBlueprintName("e2e-bp")) {
            assertEquals(DevboxStatus.RUNNING, d.getInfo().status());
        }
        AsyncBlueprint abp = await(asyncSdk.blueprint().create(BlueprintCreateParams.builder().name("e2e-bp-async").build()));
        assertEquals(abp, asyncSdk.blueprint().fromId(abp.id()));
        assertNotNull(await(abp.getInfo()));
        assertNotNull(await(abp.logs()));
        assertTrue(await(asyncSdk.blueprint().list()).contains(abp));
        await(await(abp.createDevbox()).shutdown());
        await(await(asyncSdk.devbox().createFromBlueprintId(abp.id())).shutdown());
        await(await(asyncSdk.devbox().createFromBlueprintName("e2e-bp-async")).shutdown());
        await(abp.delete());
        bp.delete();
    }

    @Test
    void listAndFromId() {
        try (Devbox devbox = sdk.devbox().create()) {
            assertTrue(sdk.devbox().list().contains(devbox));
            assertTrue(await(asyncSdk.devbox().list()).contains(devbox.async()));
            assertEquals(devbox.id(), await(asyncSdk.devbox().fromId(devbox.id()).getInfo()).id());
            DevboxView shut = await(asyncSdk.devbox().create(null, PollingConfig.defaults()).thenCompose(AsyncDevbox::shutdown));
            assertEquals(DevboxStatus.SHUTDOWN, shut.status());
        }
    }
}
