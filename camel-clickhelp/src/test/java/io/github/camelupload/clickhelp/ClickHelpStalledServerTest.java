package io.github.camelupload.clickhelp;

import java.nio.file.Path;
import java.time.Duration;

import io.github.camelupload.emulators.Fault;
import io.github.camelupload.support.http.RequestBodyStalledException;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that stops reading a chunk blocks the client's write (a 10 MiB chunk is far more than the socket buffers
 * hold), which no socket timeout sees. The write watchdog aborts it after responseTimeout without progress, and the
 * upload goes on with a retry, or stops with an error that says what happened.
 */
class ClickHelpStalledServerTest extends ClickHelpTestSupport {

    @Test
    @Timeout(60)
    void aChunkTheServerStopsReadingIsAbortedAndRetriedAndTheUploadCompletesByteIdentical() throws Exception {
        Path file = seededFile("stall/big.bin", 2L * CHUNK + 12345, 7);
        emulator().faults().onNth("PUT", 1, Fault.stall(Duration.ofSeconds(4)));
        long started = System.nanoTime();

        Exchange result = send(uri("stall/big.bin", "&responseTimeout=1000"), file.toFile());

        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.getException()).isNull();
        assertThat(storedSha256("stall/big.bin")).isEqualTo(sha256(file));
        assertThat(elapsedMillis).as("aborted after about a second, not after the 4 s stall").isLessThan(3900);
        awaitQuiet();
        // the stalled PUT is journaled when its stall ends, after the others
        assertThat(requests("PUT")).filteredOn(r -> r.fault() != null).singleElement()
                .satisfies(stalled -> assertThat(stalled.header("Content-Range")).startsWith("bytes 0-"));
        assertThat(requests("PUT")).filteredOn(r -> r.fault() == null).map(r -> r.header("Content-Range"))
                .as("the first chunk was sent again, then the rest")
                .containsExactlyElementsOf(expectedRanges(file.toFile().length(), CHUNK, true));
    }

    @Test
    @Timeout(60)
    void whenEveryAttemptStallsTheUploadStopsWithAnErrorThatSaysNoProgressAndWhereToResume() throws Exception {
        Path file = seededFile("stall/never.bin", CHUNK + 1, 8);
        emulator().faults().randomly(1L, 1.0, "PUT", Fault.stall(Duration.ofSeconds(3)));
        long started = System.nanoTime();

        Exchange result = send(uri("stall/never.bin", "&responseTimeout=700&maxRetries=1"), file.toFile());

        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.getException()).isInstanceOf(RequestBodyStalledException.class)
                .hasMessageContaining("made no progress for 700 ms")
                .hasMessageContaining("/api/v1/storage/stall/never.bin");
        assertThat(elapsedMillis).as("two aborted attempts, not two full stalls").isLessThan(5000);
        assertThat(result.getMessage().getHeader(ClickHelpConstants.UPLOAD_OFFSET, Long.class))
                .as("the resume point: the upload was started, nothing confirmed").isZero();
        assertThat(emulator().fileInfo("stall/never.bin")).isEmpty();
    }
}
