package ai.runloop.transport.jdk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBodyPublisherTest {

    @TempDir
    Path tmp;

    @Test
    void publishesTheFileInChunksAsRequestedAndFromTheStartOnEverySubscription() throws IOException {
        byte[] content = new byte[FileBodyPublisher.CHUNK * 2 + 1000];
        new Random(3).nextBytes(content);
        Path file = Files.write(tmp.resolve("body.bin"), content);
        FileBodyPublisher publisher = new FileBodyPublisher(file);
        assertEquals(content.length, publisher.contentLength());
        for (int pass = 0; pass < 2; pass++) {
            Recorder recorder = new Recorder();
            publisher.subscribe(recorder);
            assertEquals(0, recorder.items.size(), "nothing before demand");
            recorder.subscription.request(1);
            assertEquals(1, recorder.items.size(), "exactly what was asked for");
            recorder.subscription.request(10);
            assertTrue(recorder.completed);
            assertNull(recorder.error);
            assertEquals(List.of(FileBodyPublisher.CHUNK, FileBodyPublisher.CHUNK, 1000),
                    recorder.items.stream().map(ByteBuffer::remaining).toList());
            assertArrayEquals(content, recorder.bytes());
        }
    }

    @Test
    void aFileThatShrankIsAnError() throws IOException {
        Path file = Files.write(tmp.resolve("shrinks.bin"), new byte[5000]);
        FileBodyPublisher publisher = new FileBodyPublisher(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(100);
        }
        Recorder recorder = new Recorder();
        publisher.subscribe(recorder);
        recorder.subscription.request(Long.MAX_VALUE);
        assertInstanceOf(IOException.class, recorder.error);
        assertTrue(recorder.error.getMessage().contains("shorter"), recorder.error.getMessage());
    }

    private static final class Recorder implements Flow.Subscriber<ByteBuffer> {
        final List<ByteBuffer> items = new ArrayList<>();
        Flow.Subscription subscription;
        boolean completed;
        Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(ByteBuffer item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable e) {
            error = e;
        }

        @Override
        public void onComplete() {
            completed = true;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (ByteBuffer item : items) {
                byte[] chunk = new byte[item.remaining()];
                item.duplicate().get(chunk);
                out.write(chunk, 0, chunk.length);
            }
            return out.toByteArray();
        }
    }
}
