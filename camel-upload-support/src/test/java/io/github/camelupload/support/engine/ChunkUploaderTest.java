package io.github.camelupload.support.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.camelupload.support.progress.UploadProgress;
import io.github.camelupload.support.retry.Retrier;
import io.github.camelupload.support.retry.RetryPolicy;
import io.github.camelupload.support.source.ByteArrayChunkSource;
import io.github.camelupload.support.source.Chunk;
import io.github.camelupload.support.source.StreamChunkSource;
import io.github.camelupload.support.source.UnseekableSourceException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared chunk loop against a fake server that keeps what it receives at the offsets it confirms: whatever the
 * server does (keep part of a chunk, lose data, fail), the bytes it ends up with are the source's, or the loop stops
 * with a clear error instead of looping forever.
 */
class ChunkUploaderTest {

    static final int CHUNK = 10;
    final byte[] data = new byte[95];
    final List<UploadProgress> progress = new ArrayList<>();
    final List<Long> confirmations = new ArrayList<>();

    ChunkUploaderTest() {
        new Random(7).nextBytes(data);
    }

    ChunkUploader uploader(int maxRetries) {
        return new ChunkUploader(new Retrier(new RetryPolicy(maxRetries, Duration.ZERO, Duration.ZERO), d -> {
        }), CHUNK, 4);
    }

    UploadTracker tracker() {
        return new UploadTracker("test-target", 0, progress::add);
    }

    /** A server storing chunks at the offset it has confirmed; a hook decides how much of each chunk it keeps. */
    static class FakeServer {
        final ByteArrayOutputStream stored = new ByteArrayOutputStream();
        final List<String> requests = new ArrayList<>();

        interface Behaviour {
            long keep(Chunk chunk, int requestNumber) throws IOException;
        }

        ChunkOutcome<String> receive(Chunk chunk, Behaviour behaviour) throws IOException {
            requests.add(chunk.offset() + "-" + chunk.end());
            if (chunk.offset() != stored.size()) {
                return ChunkOutcome.confirmed(stored.size()); // out of sync: store nothing, say where we are
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            chunk.writeTo(body);
            long keep = behaviour.keep(chunk, requests.size());
            stored.write(body.toByteArray(), 0, (int) keep);
            if (keep == chunk.length() && chunk.isLast()) {
                return ChunkOutcome.completed(stored.size(), "done:" + stored.size());
            }
            return ChunkOutcome.confirmed(stored.size());
        }
    }

    @Test
    void uploadsEverythingAndReportsProgressAfterEveryChunk() throws Exception {
        FakeServer server = new FakeServer();
        String result = uploader(0).upload(new ByteArrayChunkSource(data), 0,
                chunk -> server.receive(chunk, (c, n) -> c.length()), tracker(), confirmations::add);
        assertThat(result).isEqualTo("done:95");
        assertThat(server.stored.toByteArray()).isEqualTo(data);
        assertThat(server.requests).hasSize(10);
        assertThat(confirmations).containsExactly(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L);
        assertThat(progress).hasSize(10);
        assertThat(progress.get(9).done()).isTrue();
        assertThat(progress.get(9).bytesConfirmed()).isEqualTo(95);
        assertThat(progress.get(0).totalBytes()).isEqualTo(95);
    }

    @Test
    void continuesFromWhateverTheServerKeptEvenFromAOneShotStream() throws Exception {
        FakeServer server = new FakeServer();
        // the server keeps only 3 bytes of every third request
        String result = uploader(0).upload(new StreamChunkSource(new ByteArrayInputStream(data), -1), 0,
                chunk -> server.receive(chunk, (c, n) -> n % 3 == 0 ? 3 : c.length()), tracker(), confirmations::add);
        assertThat(result).isEqualTo("done:95");
        assertThat(server.stored.toByteArray()).isEqualTo(data);
        assertThat(progress.get(0).totalBytes()).as("unknown length while streaming").isEqualTo(-1);
    }

    @Test
    void retriesAFailedRequestWithTheSameBytes() throws Exception {
        FakeServer server = new FakeServer();
        int[] calls = { 0 };
        String result = uploader(3).upload(new ByteArrayChunkSource(data), 0, chunk -> {
            if (++calls[0] % 4 == 0) {
                throw new IOException("Connection reset");
            }
            return server.receive(chunk, (c, n) -> c.length());
        }, tracker(), null);
        assertThat(result).isEqualTo("done:95");
        assertThat(server.stored.toByteArray()).isEqualTo(data);
        assertThat(progress.get(progress.size() - 1).retries()).isEqualTo(3);
    }

    @Test
    void resumesAtTheStartOffset() throws Exception {
        FakeServer server = new FakeServer();
        server.stored.write(data, 0, 40);
        String result = uploader(0).upload(new ByteArrayChunkSource(data), 40,
                chunk -> server.receive(chunk, (c, n) -> c.length()), new UploadTracker("t", 40, progress::add), null);
        assertThat(result).isEqualTo("done:95");
        assertThat(server.stored.toByteArray()).isEqualTo(data);
        assertThat(server.requests).first().isEqualTo("40-50");
        assertThat(progress.get(0).resumedFrom()).isEqualTo(40);
    }

    @Test
    void stopsWhenTheServerMakesNoProgress() {
        FakeServer server = new FakeServer();
        assertThatThrownBy(() -> uploader(0).upload(new ByteArrayChunkSource(data), 0,
                chunk -> server.receive(chunk, (c, n) -> n == 1 ? c.length() : 0), tracker(), null))
                .isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("no progress")
                .hasMessageContaining("10 bytes");
        assertThat(server.requests).hasSize(1 + 4);
    }

    @Test
    void stopsWhenTheServerGoesBackwardsForever() {
        int[] calls = { 0 };
        assertThatThrownBy(() -> uploader(0).upload(new ByteArrayChunkSource(data), 0,
                chunk -> ChunkOutcome.confirmed(++calls[0] == 1 ? 10 : 0), tracker(), null))
                .isInstanceOf(UploadProtocolException.class).hasMessageContaining("no progress");
        assertThat(calls[0]).isEqualTo(5);
    }

    @Test
    void rejectsAConfirmationBeyondWhatWasSent() {
        assertThatThrownBy(() -> uploader(0).upload(new ByteArrayChunkSource(data), 0,
                chunk -> ChunkOutcome.confirmed(chunk.end() + 1), tracker(), null))
                .isInstanceOf(UploadProtocolException.class).hasMessageContaining("confirmed 11 bytes")
                .hasMessageContaining("only 10 were sent");
    }

    @Test
    void aResumedUploadThatFindsTheServerFurtherAheadContinuesWhereTheServerIs() throws Exception {
        FakeServer server = new FakeServer();
        server.stored.write(data, 0, 55); // the saved resume point (10) lags behind: the server holds 55 bytes
        String result = uploader(0).upload(new ByteArrayChunkSource(data), 10,
                chunk -> server.receive(chunk, (c, n) -> c.length()), new UploadTracker("test-target", 10, progress::add),
                confirmations::add);

        assertThat(result).isEqualTo("done:95");
        assertThat(server.stored.toByteArray()).isEqualTo(data);
        assertThat(server.requests).as("one probe at the resume point, then on from the server's offset")
                .containsExactly("10-20", "55-65", "65-75", "75-85", "85-95");
        assertThat(confirmations).startsWith(55L);
    }

    @Test
    void aResumedUploadRejectsAFirstAnswerBeyondTheWholeBody() {
        assertThatThrownBy(() -> uploader(0).upload(new ByteArrayChunkSource(data), 10,
                chunk -> ChunkOutcome.confirmed(500), tracker(), null))
                .isInstanceOf(UploadProtocolException.class).hasMessageContaining("confirmed 500 bytes")
                .hasMessageContaining("only 20 were sent (of 95)");
    }

    @Test
    void afterTheFirstAnswerAResumedUploadRejectsConfirmationsBeyondWhatWasSent() {
        int[] calls = { 0 };
        assertThatThrownBy(() -> uploader(0).upload(new ByteArrayChunkSource(data), 10,
                chunk -> ChunkOutcome.confirmed(++calls[0] == 1 ? chunk.end() : chunk.end() + 30), tracker(), null))
                .isInstanceOf(UploadProtocolException.class).hasMessageContaining("confirmed 60 bytes")
                .hasMessageContaining("only 30 were sent");
    }

    @Test
    void stopsAServerThatGoesForwardAndBackForever() {
        int[] calls = { 0 };
        assertThatThrownBy(() -> uploader(0).upload(new ByteArrayChunkSource(data), 0,
                chunk -> ChunkOutcome.confirmed(++calls[0] % 2 == 1 ? 10 : 0), tracker(), null))
                .isInstanceOf(UploadProtocolException.class).hasMessageContaining("no progress")
                .hasMessageContaining("having confirmed 10 before");
        assertThat(calls[0]).as("stopped after a few rounds, not never").isLessThan(10);
    }

    @Test
    void aServerThatLostDataOnceIsResentWhatItLostAndTheUploadCompletes() throws Exception {
        FakeServer server = new FakeServer();
        String result = uploader(0).upload(new ByteArrayChunkSource(data), 0, chunk -> {
            if (server.requests.size() == 6) { // after 60 bytes the server loses all but the first 10
                byte[] kept = java.util.Arrays.copyOf(server.stored.toByteArray(), 10);
                server.stored.reset();
                server.stored.write(kept, 0, 10);
            }
            return server.receive(chunk, (c, n) -> c.length());
        }, tracker(), null);

        assertThat(result).isEqualTo("done:95");
        assertThat(server.stored.toByteArray()).isEqualTo(data);
    }

    @Test
    void rejectsAServerThatNeverCompletes() {
        assertThatThrownBy(() -> uploader(0).upload(new ByteArrayChunkSource(data), 0,
                chunk -> ChunkOutcome.confirmed(chunk.end()), tracker(), null))
                .isInstanceOf(UploadProtocolException.class).hasMessageContaining("did not complete");
    }

    @Test
    void aOneShotStreamThatMustGoBackTooFarFailsClearly() {
        int[] calls = { 0 };
        assertThatThrownBy(() -> uploader(0).upload(new StreamChunkSource(new ByteArrayInputStream(data), 95), 0,
                chunk -> ChunkOutcome.confirmed(++calls[0] < 3 ? chunk.end() : 5), tracker(), null))
                .isInstanceOf(UnseekableSourceException.class).hasMessageContaining("stream caching");
    }

    @Test
    void anEmptyBodyIsSentAsOneEmptyLastChunk() throws Exception {
        List<Chunk> sent = new ArrayList<>();
        String result = uploader(0).upload(new ByteArrayChunkSource(new byte[0]), 0, chunk -> {
            sent.add(chunk);
            return ChunkOutcome.completed(0, "empty stored");
        }, tracker(), null);
        assertThat(result).isEqualTo("empty stored");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).length()).isZero();
        assertThat(sent.get(0).isLast()).isTrue();
        assertThat(progress).last().satisfies(p -> assertThat(p.done()).isTrue());
    }

    @Test
    void aListenerThatThrowsDoesNotFailTheUpload() throws Exception {
        FakeServer server = new FakeServer();
        String result = uploader(0).upload(new ByteArrayChunkSource(data), 0,
                chunk -> server.receive(chunk, (c, n) -> c.length()), new UploadTracker("t", 0, p -> {
                    throw new IllegalStateException("listener bug");
                }), null);
        assertThat(result).isEqualTo("done:95");
    }
}
