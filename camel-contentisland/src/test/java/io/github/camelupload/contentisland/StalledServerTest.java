package io.github.camelupload.contentisland;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelupload.emulators.Fault;
import io.github.camelupload.support.http.RequestBodyStalledException;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that stops reading a request blocks the client's write (a 16 MiB chunk is far more than the socket
 * buffers hold), which no socket timeout sees. The write watchdog aborts it after responseTimeout without progress,
 * and the upload goes on with a retry, or stops with an error that says what happened and keeps the resume state.
 */
class StalledServerTest extends ContentIslandTestSupport {

    private static final long CHUNK = 16 * TestFiles.MIB;

    private String chunked(String options) {
        return uri("uploadMode=chunked&chunkSize=" + CHUNK + options);
    }

    @Test
    @Timeout(60)
    void aChunkTheServerStopsReadingIsAbortedAndRetriedAndTheUploadCompletesByteIdentical() throws Exception {
        Path file = TestFiles.create(tmp, "stall-big.bin", 2 * CHUNK + 12345, 7);
        emulator().faults().atRequest(2, Fault.stall(Duration.ofSeconds(4))); // the second chunk
        long started = System.nanoTime();

        Exchange result = upload(chunked("&responseTimeout=1000"), file, Map.of());

        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        assertThat(elapsedMillis).as("aborted after about a second, not after the 4 s stall").isLessThan(3900);
        emulator().journal().awaitSize(emulator().faults().requestCount(), Duration.ofSeconds(10));
        assertThat(emulator().journal().requests()).filteredOn(r -> r.fault() == null)
                .extracting(r -> JSON.readTree(r.chunkOptions()).path("chunkIndex").asInt())
                .as("chunk 1 was sent again, then the last").containsExactly(0, 1, 2);
        assertNoStateHeaders(result);
    }

    @Test
    @Timeout(60)
    void whenEveryAttemptStallsTheUploadStopsWithAnErrorThatSaysNoProgressAndKeepsTheResumeState() throws Exception {
        Path file = TestFiles.create(tmp, "stall-never.bin", 2 * CHUNK, 8);
        emulator().faults().atRequest(2, Fault.stall(Duration.ofSeconds(3))).atRequest(3, Fault.stall(Duration.ofSeconds(3)));
        long started = System.nanoTime();

        Exchange result = send(chunked("&responseTimeout=700&maxRetries=1"), file, Map.of());

        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.getException()).isInstanceOf(RequestBodyStalledException.class)
                .hasMessageContaining("made no progress for 700 ms")
                .hasMessageContaining("/resource/upload");
        assertThat(elapsedMillis).as("two aborted attempts, not two full stalls").isLessThan(5000);
        assertThat(result.getMessage().getHeader(ContentIslandConstants.CHUNK_INDEX, Integer.class))
                .as("the resume point: chunk 0 confirmed, chunk 1 next").isEqualTo(1);
        assertThat(result.getMessage().getHeader(ContentIslandConstants.UPLOAD_ID, String.class)).isNotBlank();
        emulator().journal().awaitSize(emulator().faults().requestCount(), Duration.ofSeconds(10));
    }
}
