package io.github.camelupload.clickhelp;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelupload.emulators.Fault;
import io.github.camelupload.emulators.RecordedRequest;
import io.github.camelupload.support.engine.UploadProtocolException;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault the emulator can inject, alone and mixed: the stored file is byte-identical to the source, and the
 * requests are the ones the protocol calls for. A 4500-byte body in 1000-byte chunks keeps the sequences readable.
 */
class ClickHelpFaultsTest extends ClickHelpTestSupport {

    private static final String CHUNKS = "&chunkSize=1000";
    private static final List<String> UNDISTURBED = List.of("bytes 0-999/4500", "bytes 1000-1999/4500",
            "bytes 2000-2999/4500", "bytes 3000-3999/4500", "bytes 4000-4499/4500");

    enum Body {
        FILE, ONE_SHOT_STREAM
    }

    private Path source;

    @BeforeEach
    void source() throws Exception {
        source = seededFile("source.bin", 4500, 42);
    }

    private Exchange upload(String path, Body body, String options) throws Exception {
        if (body == Body.FILE) {
            return send(uri(path, CHUNKS + options), source.toFile());
        }
        try (InputStream in = new FilterInputStream(Files.newInputStream(source)) {
        }) {
            return send(uri(path, CHUNKS + options), in);
        }
    }

    private Exchange upload(String path, String options) throws Exception {
        return upload(path, Body.FILE, options);
    }

    private void assertStoredIntact(Exchange result, String path) throws Exception {
        assertThat(result.getException()).as("exception; journal: %s", emulator().journal()).isNull();
        assertThat(storedSha256(path)).isEqualTo(sha256(source));
        assertThat(result.getMessage().getBody(ClickHelpFile.class).getSize()).isEqualTo(4500);
        assertThat(result.getMessage().getHeaders()).doesNotContainKeys(ClickHelpConstants.UPLOAD_OFFSET,
                ClickHelpConstants.UPLOAD_TARGET);
    }

    /** The PUT ranges, with "/*" for a total the stream could not know yet. */
    private static List<String> ranges(Body body, String... ranges) {
        return List.of(ranges).stream()
                .map(r -> body == Body.ONE_SHOT_STREAM && !r.contains("-4499/") ? r.replace("/4500", "/*") : r)
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Body.class)
    void droppedConnectionResumesWhereTheServerSaysItStopped(Body body) throws Exception {
        // the server keeps the 400 bytes that arrived, so it confirms 0-1399 when the chunk comes again
        emulator().faults().onNth("PUT", 2, Fault.dropConnectionAfter(400));

        Exchange result = upload("faults/drop.bin", body, "");

        assertStoredIntact(result, "faults/drop.bin");
        assertThat(putRanges()).containsExactlyElementsOf(ranges(body, "bytes 0-999/4500", "bytes 1000-1999/4500",
                "bytes 1000-1999/4500", "bytes 1400-2399/4500", "bytes 2400-3399/4500", "bytes 3400-4399/4500",
                "bytes 4400-4499/4500"));
        assertThat(requests("PUT").get(2).responseHeader("Range")).isEqualTo("bytes=0-1399");
        assertThat(requests("POST")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Body.class)
    void partialChunkContinuesFromTheConfirmedRange(Body body) throws Exception {
        emulator().faults().onNth("PUT", 2, Fault.partialChunk(300));

        Exchange result = upload("faults/partial.bin", body, "");

        assertStoredIntact(result, "faults/partial.bin");
        assertThat(putRanges()).containsExactlyElementsOf(ranges(body, "bytes 0-999/4500", "bytes 1000-1999/4500",
                "bytes 1300-2299/4500", "bytes 2300-3299/4500", "bytes 3300-4299/4500", "bytes 4300-4499/4500"));
    }

    @Test
    void partialChunkOfNothingOnTheFirstChunkSendsItAgain() throws Exception {
        // nothing confirmed yet: the 202 carries no Range at all
        emulator().faults().onNth("PUT", 1, Fault.partialChunk(0));

        Exchange result = upload("faults/partial-zero.bin", "");

        assertStoredIntact(result, "faults/partial-zero.bin");
        assertThat(requests("PUT").get(0).responseHeader("Range")).isNull();
        assertThat(putRanges()).containsExactly("bytes 0-999/4500", "bytes 0-999/4500", "bytes 1000-1999/4500",
                "bytes 2000-2999/4500", "bytes 3000-3999/4500", "bytes 4000-4499/4500");
    }

    @Test
    void serverErrorIsRetriedWithTheSameChunk() throws Exception {
        emulator().faults().onNth("PUT", 2, Fault.status(503));

        Exchange result = upload("faults/503.bin", "");

        assertStoredIntact(result, "faults/503.bin");
        assertThat(putRanges()).containsExactly("bytes 0-999/4500", "bytes 1000-1999/4500", "bytes 1000-1999/4500",
                "bytes 2000-2999/4500", "bytes 3000-3999/4500", "bytes 4000-4499/4500");
        assertThat(requests("PUT").get(1).status()).isEqualTo(503);
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheCappedRetryAfter() throws Exception {
        // Retry-After: 30 s, capped by maxRetryDelay (20 ms in these tests)
        emulator().faults().onNth("PUT", 3, Fault.tooManyRequests(30));

        Exchange result = upload("faults/429.bin", "");

        assertStoredIntact(result, "faults/429.bin");
        assertThat(putRanges()).containsExactly("bytes 0-999/4500", "bytes 1000-1999/4500", "bytes 2000-2999/4500",
                "bytes 2000-2999/4500", "bytes 3000-3999/4500", "bytes 4000-4499/4500");
        assertThat(requests("PUT").get(2).status()).isEqualTo(429);
    }

    @Test
    void lostResponseToAMiddleChunkIsResynchronisedByTheServer() throws Exception {
        emulator().faults().onNth("PUT", 2, Fault.loseResponse());

        Exchange result = upload("faults/lost-middle.bin", "");

        assertStoredIntact(result, "faults/lost-middle.bin");
        assertThat(putRanges()).containsExactly("bytes 0-999/4500", "bytes 1000-1999/4500", "bytes 1000-1999/4500",
                "bytes 2000-2999/4500", "bytes 3000-3999/4500", "bytes 4000-4499/4500");
        assertThat(requests("PUT").get(2).responseHeader("Range")).isEqualTo("bytes=0-1999");
    }

    @Test
    void lostFinalResponseIsConfirmedWithAGet() throws Exception {
        emulator().faults().onNth("PUT", 5, Fault.loseResponse());

        Exchange result = upload("faults/lost-final.bin", "");

        assertStoredIntact(result, "faults/lost-final.bin");
        assertThat(putRanges()).containsExactlyElementsOf(UNDISTURBED);
        assertThat(requests("GET")).hasSize(1);
        assertThat(requests("GET").get(0).path()).isEqualTo("/api/v1/storage/faults/lost-final.bin");
        assertThat(result.getMessage().getHeader(ClickHelpConstants.FILE_FULL_NAME))
                .isEqualTo("Storage\\faults\\lost-final.bin");
    }

    @Test
    void lostFinalResponseSurvivesAFailingCheck() throws Exception {
        emulator().faults().onNth("PUT", 5, Fault.loseResponse()).onNth("GET", 1, Fault.status(500));

        Exchange result = upload("faults/lost-final-get.bin", "");

        assertStoredIntact(result, "faults/lost-final-get.bin");
        assertThat(putRanges()).containsExactlyElementsOf(UNDISTURBED);
        assertThat(requests("GET")).extracting(RecordedRequest::status).containsExactly(500, 200);
    }

    @Test
    void lostFinalResponseWhoseCheckKeepsFailingEndsWithTheRetriedChunkRecognisingTheFile() throws Exception {
        // the check fails every time: the last chunk is sent again, the server no longer knows the upload (400),
        // and a check then finds the file complete
        emulator().faults().onNth("PUT", 5, Fault.loseResponse()).onNth("GET", 1, Fault.status(500))
                .onNth("GET", 2, Fault.status(500)).onNth("GET", 3, Fault.status(500));

        Exchange result = upload("faults/lost-final-400.bin", "&maxRetries=2");

        assertStoredIntact(result, "faults/lost-final-400.bin");
        assertThat(putRanges()).containsExactly("bytes 0-999/4500", "bytes 1000-1999/4500", "bytes 2000-2999/4500",
                "bytes 3000-3999/4500", "bytes 4000-4499/4500", "bytes 4000-4499/4500");
        assertThat(requests("PUT").get(5).status()).isEqualTo(400);
    }

    @Test
    void connectionDroppedInTheLastChunkIsNotMistakenForALostResponse() throws Exception {
        emulator().faults().onNth("PUT", 5, Fault.dropConnectionAfter(200));

        Exchange result = upload("faults/drop-last.bin", "");

        assertStoredIntact(result, "faults/drop-last.bin");
        assertThat(requests("GET")).singleElement().extracting(RecordedRequest::status).isEqualTo(404);
        assertThat(putRanges()).containsExactly("bytes 0-999/4500", "bytes 1000-1999/4500", "bytes 2000-2999/4500",
                "bytes 3000-3999/4500", "bytes 4000-4499/4500", "bytes 4000-4499/4500", "bytes 4200-4499/4500");
    }

    /** An older file of the same size at the path, as when an upload replaces a previous version. */
    private void seedOldVersion(String path) throws Exception {
        emulator().seedFile(path, seededBytes(4500, 999));
        Files.setLastModifiedTime(emulator().storedFile(path),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofHours(1))));
    }

    @Test
    void droppedLastChunkIsNotMistakenForTheOldVersionItReplaces() throws Exception {
        seedOldVersion("faults/replace-drop.bin");
        emulator().faults().onNth("PUT", 5, Fault.dropConnectionAfter(200));

        Exchange result = upload("faults/replace-drop.bin", "&overwrite=true");

        assertStoredIntact(result, "faults/replace-drop.bin");
        assertThat(requests("GET")).singleElement().extracting(RecordedRequest::status).isEqualTo(200);
        assertThat(putRanges()).containsExactly("bytes 0-999/4500", "bytes 1000-1999/4500", "bytes 2000-2999/4500",
                "bytes 3000-3999/4500", "bytes 4000-4499/4500", "bytes 4000-4499/4500", "bytes 4200-4499/4500");
    }

    @Test
    void lostFinalResponseWhenReplacingIsRecognisedByTheModificationTime() throws Exception {
        seedOldVersion("faults/replace-lost.bin");
        emulator().faults().onNth("PUT", 5, Fault.loseResponse());

        Exchange result = upload("faults/replace-lost.bin", "&overwrite=true");

        assertStoredIntact(result, "faults/replace-lost.bin");
        // the check trusted the file (modified after the POST's Date): the last chunk was not sent again
        assertThat(putRanges()).containsExactlyElementsOf(UNDISTURBED);
        assertThat(requests("GET")).hasSize(1);
    }

    @Test
    void lostOrFailedStartIsSentAgain() throws Exception {
        emulator().faults().onNth("POST", 1, Fault.loseResponse()).onNth("POST", 2, Fault.status(502));

        Exchange result = upload("faults/start.bin", "");

        assertStoredIntact(result, "faults/start.bin");
        assertThat(requests("POST")).hasSize(3);
        assertThat(putRanges()).containsExactlyElementsOf(UNDISTURBED);
    }

    @Test
    void stalledResponseTimesOutAndIsRetried() throws Exception {
        emulator().faults().onNth("PUT", 2, Fault.stall(Duration.ofMillis(1500)));

        Exchange result = upload("faults/stall.bin", "&responseTimeout=500");
        awaitQuiet();

        assertStoredIntact(result, "faults/stall.bin");
        // the stalled request is journaled when it finally ends, so compare without order
        assertThat(putRanges()).containsExactlyInAnyOrder("bytes 0-999/4500", "bytes 1000-1999/4500",
                "bytes 1000-1999/4500", "bytes 2000-2999/4500", "bytes 3000-3999/4500", "bytes 4000-4499/4500");
    }

    @Test
    void shortStallIsJustWaitedFor() throws Exception {
        emulator().faults().onNth("PUT", 2, Fault.stall(Duration.ofMillis(100)));

        Exchange result = upload("faults/short-stall.bin", "");

        assertStoredIntact(result, "faults/short-stall.bin");
        assertThat(putRanges()).containsExactlyElementsOf(UNDISTURBED);
    }

    @Test
    void serverThatNeverProgressesFailsAfterBoundedTries() throws Exception {
        emulator().faults().randomly(1, 1.0, "PUT", Fault.partialChunk(0));

        Exchange result = upload("faults/no-progress.bin", "&maxRetries=2");

        assertThat(result.getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("made no progress");
        assertThat(requests("PUT")).hasSize(3); // max(3, maxRetries + 1)
        assertThat(result.getMessage().getHeader(ClickHelpConstants.UPLOAD_OFFSET, Long.class)).isZero();
        assertThat(emulator().fileInfo("faults/no-progress.bin")).isEmpty();
    }

    @Test
    void serverThatKeepsFailingFailsAfterMaxRetries() throws Exception {
        emulator().faults().randomly(1, 1.0, "PUT", Fault.status(503));

        Exchange result = upload("faults/always-503.bin", "&maxRetries=3");

        assertThat(result.getException()).isInstanceOfSatisfying(HttpOperationFailedException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(503));
        assertThat(requests("PUT")).hasSize(4);
    }

    @Test
    void allFaultsMixedAtTwentyPercentOver100MiB() throws Exception {
        Path big = seededFile("mixed.bin", 100 * MIB, 100);
        try {
            emulator().faults().randomly(2025, 0.2, Fault.dropConnectionAfter(300_000), Fault.status(500),
                    Fault.status(503), Fault.tooManyRequests(1), Fault.partialChunk(500_000), Fault.loseResponse(),
                    Fault.stall(Duration.ofMillis(1200)));

            Exchange result = send(
                    uri("mixed/big.bin", "&chunkSize=" + MIB + "&maxRetries=10&responseTimeout=1000"), big.toFile());

            assertThat(result.getException()).as("journal: %s", emulator().journal()).isNull();
            assertThat(storedSha256("mixed/big.bin")).isEqualTo(sha256(big));
            assertMixedFaultsHit();
        } finally {
            Files.deleteIfExists(big);
        }
    }

    @Test
    void allFaultsMixedAtTwentyPercentOverAOneShotStream() throws Exception {
        Path big = seededFile("mixed-stream.bin", 30 * MIB, 101);
        try {
            emulator().faults().randomly(7, 0.2, Fault.dropConnectionAfter(300_000), Fault.status(500),
                    Fault.status(503), Fault.tooManyRequests(1), Fault.partialChunk(500_000), Fault.loseResponse(),
                    Fault.stall(Duration.ofMillis(1200)));

            Exchange result;
            try (InputStream in = new FilterInputStream(Files.newInputStream(big)) {
            }) {
                result = send(uri("mixed/stream.bin", "&chunkSize=" + MIB + "&maxRetries=10&responseTimeout=1000"),
                        in, Map.of());
            }

            assertThat(result.getException()).as("journal: %s", emulator().journal()).isNull();
            assertThat(storedSha256("mixed/stream.bin")).isEqualTo(sha256(big));
            assertThat(emulator().faults().injectedTotal()).isGreaterThan(3);
        } finally {
            Files.deleteIfExists(big);
        }
    }

    private void assertMixedFaultsHit() {
        assertThat(emulator().faults().injectedCounts().keySet())
                .as("fault kinds injected: %s", emulator().faults().injectedCounts())
                .contains(Fault.Kind.DROP_CONNECTION, Fault.Kind.STATUS, Fault.Kind.TOO_MANY_REQUESTS,
                        Fault.Kind.PARTIAL_CHUNK, Fault.Kind.LOSE_RESPONSE, Fault.Kind.STALL);
        // one upload, never restarted: every POST comes before the first PUT
        List<RecordedRequest> all = emulator().journal().requests();
        int lastPost = -1;
        int firstPut = Integer.MAX_VALUE;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).method().equals("POST")) {
                lastPost = i;
            } else if (all.get(i).method().equals("PUT")) {
                firstPut = Math.min(firstPut, i);
            }
        }
        assertThat(lastPost).isLessThan(firstPut);
    }
}
