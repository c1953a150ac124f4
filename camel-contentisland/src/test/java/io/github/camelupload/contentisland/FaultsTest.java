package io.github.camelupload.contentisland;

import io.github.camelupload.support.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelupload.emulators.Fault;
import io.github.camelupload.emulators.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelupload.contentisland.TestFiles.FIVE_MIB;
import static org.assertj.core.api.Assertions.assertThat;

/** Each emulator fault alone, on every request of an upload, and all of them mixed: the result is byte-identical. */
class FaultsTest extends ContentIslandTestSupport {

    /** Three chunks: first, middle and last. */
    private static final long SIZE = 2 * FIVE_MIB + 4321;

    static Stream<Fault> eachFault() {
        return Stream.of(
                Fault.dropConnectionAfter(0), Fault.dropConnectionAfter(64 * 1024), Fault.status(500), Fault.status(502),
                Fault.status(503), Fault.tooManyRequests(1), Fault.loseResponse(), Fault.stall(Duration.ofMillis(700)));
    }

    static Stream<Arguments> faultOnEachRequest() {
        return eachFault().flatMap(fault -> Stream.of(1, 2, 3).map(request -> Arguments.of(fault, request)));
    }

    @ParameterizedTest(name = "chunked: {0} on request {1}")
    @MethodSource("faultOnEachRequest")
    void chunkedUploadSurvives(Fault fault, int requestNumber) throws Exception {
        Path file = TestFiles.create(tmp, "movie.mov", SIZE, requestNumber);
        emulator().faults().atRequest(requestNumber, fault);

        Exchange result = upload(uri("uploadMode=chunked&chunkSize=" + FIVE_MIB + "&responseTimeout=300"), file, Map.of());

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        awaitFaultJournaled(); // a stalled request may still be sleeping after the client gave up on it
        assertThat(emulator().faults().injectedTotal()).isEqualTo(1);
        assertNoStateHeaders(result);
    }

    @ParameterizedTest(name = "simple: {0}")
    @MethodSource("eachFault")
    void simpleUploadSurvives(Fault fault) throws Exception {
        Path file = TestFiles.create(tmp, "picture.jpg", 3 * TestFiles.MIB, 11);
        emulator().faults().atRequest(1, fault);

        Exchange result = upload(uri("uploadMode=simple&responseTimeout=300"), file, Map.of());

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        awaitFaultJournaled();
        assertThat(emulator().faults().injectedTotal()).isEqualTo(1);
    }

    /** Waits (without sleeping) until the request that got the fault is in the journal. */
    private void awaitFaultJournaled() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (emulator().journal().requests(r -> r.fault() != null).isEmpty()) {
            emulator().journal().awaitSize(emulator().journal().size() + 1,
                    Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }

    @Test
    void aLostResponseToAFailedMiddleChunkIsResentWithTheStateFromBeforeIt() throws Exception {
        Path file = TestFiles.create(tmp, "m.bin", SIZE, 5);
        emulator().faults().atRequest(2, Fault.loseResponse());

        Exchange result = upload(uri("uploadMode=chunked&chunkSize=" + FIVE_MIB), file, Map.of());

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        // chunk 1 twice, both times with the state the server gave after chunk 0
        assertThat(posts()).extracting(r -> JSON.readTree(r.chunkOptions()).get("chunkIndex").asInt()).containsExactly(0, 1, 1, 2);
        assertThat(posts().get(2).chunkOptions()).isEqualTo(posts().get(1).chunkOptions());
    }

    @Test
    void aLostFinalResponseStartsTheUploadOverWithAWarning() throws Exception {
        Path file = TestFiles.create(tmp, "last.bin", SIZE, 6);
        emulator().faults().atRequest(3, Fault.loseResponse());

        Exchange result;
        try (LogCapture logs = LogCapture.open()) {
            result = upload(uri("uploadMode=chunked&chunkSize=" + FIVE_MIB), file, Map.of());
            assertThat(logs.warnings()).anyMatch(w -> w.contains("over from chunk 0") && w.contains("lost"));
        }

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        assertThat(posts()).extracting(RecordedRequest::status).containsExactly(201, 201, 201, 400, 201, 201, 201);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 2, 3 })
    void mixedFaultsOnAFifthOfTheRequests(long seed) throws Exception {
        Path file = TestFiles.create(tmp, "mixed.bin", 12 * FIVE_MIB - 777, seed);
        emulator().faults().randomly(seed, 0.2, Fault.dropConnectionAfter(0), Fault.dropConnectionAfter(100_000),
                Fault.status(500), Fault.status(503), Fault.tooManyRequests(1), Fault.loseResponse(),
                Fault.stall(Duration.ofMillis(50)));
        String chunked = uri("uploadMode=chunked&chunkSize=" + FIVE_MIB + "&maxRetries=10");
        String simple = uri("uploadMode=simple&maxRetries=10");

        Exchange first = upload(chunked, file, Map.of());
        Exchange second = upload(simple, file, Map.of());
        Exchange third = upload(chunked, file, Map.of(ContentIslandConstants.FILE_NAME, "again.bin"));

        String expected = TestFiles.sha256(file);
        assertThat(storedSha256(first)).isEqualTo(expected);
        assertThat(storedSha256(second)).isEqualTo(expected);
        assertThat(storedSha256(third)).isEqualTo(expected);
        assertThat(emulator().faults().injectedTotal()).isPositive();
    }
}
