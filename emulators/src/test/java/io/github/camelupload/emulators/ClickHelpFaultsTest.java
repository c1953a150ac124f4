package io.github.camelupload.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fault, as a ClickHelp client sees it. */
class ClickHelpFaultsTest {

    @RegisterExtension
    static ClickHelpEmulatorExtension clickhelp = new ClickHelpEmulatorExtension();

    private ClickHelpEmulator emulator;
    private ClickHelpClient client;
    private final byte[] data = TestHttp.randomBytes(300_000, 42);

    @BeforeEach
    void setUp() throws Exception {
        emulator = clickhelp.emulator();
        client = new ClickHelpClient(emulator);
        assertThat(client.start("f.bin", "format=resumable").statusCode()).isEqualTo(201);
    }

    @Test
    void droppedConnectionKeepsWhatArrivedAndTheNextChunkLearnsWhereToGoOn() throws Exception {
        emulator.faults().onNth("PUT", 1, Fault.dropConnectionAfter(40_000));

        assertThatThrownBy(() -> client.putChunk("f.bin", data, 0, 100_000)).isInstanceOf(IOException.class);

        RecordedRequest dropped = emulator.journal().last();
        assertThat(dropped.fault()).isEqualTo(Fault.dropConnectionAfter(40_000));
        assertThat(dropped.responseSent()).isFalse();
        assertThat(dropped.status()).isZero();
        assertThat(dropped.bodyBytes()).isGreaterThanOrEqualTo(40_000);

        HttpResponse<String> retry = client.putChunk("f.bin", data, 0, 100_000); // the client retries the chunk
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Range")).hasValue("bytes=0-39999");

        assertThat(client.putChunk("f.bin", data, 40_000, 140_000).statusCode()).isEqualTo(202);
        assertThat(client.putChunk("f.bin", data, 140_000, 300_000).statusCode()).isEqualTo(201);
        assertThat(emulator.fileInfo("f.bin").orElseThrow().sha256()).isEqualTo(TestHttp.sha256(data));
        assertThat(emulator.faults().injectedCounts()).isEqualTo(Map.of(Fault.Kind.DROP_CONNECTION, 1L));
    }

    @Test
    void droppedConnectionAfterTheWholeFinalChunkCompletesTheUploadAndLosesTheAnswer() throws Exception {
        assertThat(client.putChunk("f.bin", data, 0, 200_000).statusCode()).isEqualTo(202);
        emulator.faults().onNth("PUT", 2, Fault.dropConnectionAfter(1_000_000)); // more than the final chunk holds

        assertThatThrownBy(() -> client.putChunk("f.bin", data, 200_000, 300_000)).isInstanceOf(IOException.class);

        // every byte arrived, so the file is complete, as on a real server; before, the session kept all the bytes
        // but never completed, and no Content-Range could ever finish it
        assertThat(emulator.fileInfo("f.bin").orElseThrow().sha256()).isEqualTo(TestHttp.sha256(data));
        assertThat(emulator.unfinishedUploads()).isEmpty();
        RecordedRequest dropped = emulator.journal().last();
        assertThat(dropped.responseSent()).isFalse();
        assertThat(dropped.status()).isEqualTo(201);
    }

    @Test
    void droppingAStartRequestStartsNothing() throws Exception {
        emulator.reset();
        emulator.faults().atRequest(1, Fault.dropConnectionAfter(0));

        assertThatThrownBy(() -> client.start("g.bin", "format=resumable")).isInstanceOf(IOException.class);

        assertThat(emulator.unfinishedUploads()).isEmpty();
        assertThat(emulator.journal().last().responseSent()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void injectedStatusStoresNothing(int status) throws Exception {
        emulator.faults().onNth("PUT", 1, Fault.status(status));

        HttpResponse<String> failed = client.putChunk("f.bin", data, 0, 100_000);
        assertThat(failed.statusCode()).isEqualTo(status);
        assertThat(emulator.journal().last().bodyBytes()).isEqualTo(100_000); // drained, then discarded

        HttpResponse<String> again = client.putChunk("f.bin", data, 0, 100_000);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.headers().firstValue("Content-Range")).hasValue("bytes 0-99999/300000");
        assertThat(emulator.faults().injectedCount(Fault.Kind.STATUS)).isEqualTo(1);
        assertThat(emulator.journal().requests("PUT")).extracting(RecordedRequest::fault)
                .containsExactly(Fault.status(status), null);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() throws Exception {
        emulator.faults().onNth("PUT", 1, Fault.tooManyRequests(7));

        HttpResponse<String> response = client.putChunk("f.bin", data, 0, 1000);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(emulator.journal().last().responseHeader("retry-after")).isEqualTo("7");
        assertThat(client.putChunk("f.bin", data, 0, 1000).statusCode()).isEqualTo(202);
        assertThat(emulator.faults().injectedCount(Fault.Kind.TOO_MANY_REQUESTS)).isEqualTo(1);
    }

    @Test
    void partialChunkKeepsTheFirstBytesAndSaysSoWithRange() throws Exception {
        emulator.faults().onNth("PUT", 1, Fault.partialChunk(30_000)).onNth("PUT", 2, Fault.partialChunk(0));

        HttpResponse<String> partial = client.putChunk("f.bin", data, 0, 100_000);
        assertThat(partial.statusCode()).isEqualTo(202);
        assertThat(partial.headers().firstValue("Range")).hasValue("bytes=0-29999");

        HttpResponse<String> nothingKept = client.putChunk("f.bin", data, 30_000, 130_000);
        assertThat(nothingKept.statusCode()).isEqualTo(202);
        assertThat(nothingKept.headers().firstValue("Range")).hasValue("bytes=0-29999");

        assertThat(client.putChunk("f.bin", data, 30_000, 200_000).statusCode()).isEqualTo(202);
        assertThat(client.putChunk("f.bin", data, 200_000, 300_000).statusCode()).isEqualTo(201);
        assertThat(TestHttp.sha256(emulator.storedFile("f.bin"))).isEqualTo(TestHttp.sha256(data));
        assertThat(emulator.faults().injectedCount(Fault.Kind.PARTIAL_CHUNK)).isEqualTo(2);
    }

    @Test
    void partialChunkOnTheFinalChunkLeavesTheUploadOpen() throws Exception {
        emulator.faults().onNth("PUT", 1, Fault.partialChunk(299_999));

        HttpResponse<String> response = client.putChunk("f.bin", data, 0, 300_000);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Range")).hasValue("bytes=0-299998");
        assertThat(emulator.unfinishedUploads()).containsExactly("f.bin");
        assertThat(client.putChunk("f.bin", data, 299_999, 300_000).statusCode()).isEqualTo(201);
        assertThat(TestHttp.sha256(emulator.storedFile("f.bin"))).isEqualTo(TestHttp.sha256(data));
    }

    @Test
    void aPartialChunkFaultOnAStartRequestHasNoEffectAndIsNotCounted() throws Exception {
        emulator.faults().onNth("POST", 2, Fault.partialChunk(10));

        assertThat(client.start("other.bin", "format=resumable").statusCode()).isEqualTo(201);

        assertThat(emulator.journal().last().fault()).isNull();
        assertThat(emulator.faults().injectedTotal()).isZero();
    }

    @Test
    void lostFinalResponseStillCompletesTheUpload() throws Exception {
        emulator.faults().onNth("PUT", 2, Fault.loseResponse());
        assertThat(client.putChunk("f.bin", data, 0, 100_000).statusCode()).isEqualTo(202);

        assertThatThrownBy(() -> client.putChunk("f.bin", data, 100_000, 300_000)).isInstanceOf(IOException.class);

        RecordedRequest lost = emulator.journal().last();
        assertThat(lost.status()).isEqualTo(201);
        assertThat(lost.responseSent()).isFalse();
        assertThat(lost.fault()).isEqualTo(Fault.loseResponse());
        assertThat(emulator.fileInfo("f.bin").orElseThrow().sha256()).isEqualTo(TestHttp.sha256(data));
        // what a client can do to find out: the descriptor is there with the full size
        assertThat(client.get("f.bin", null).body()).contains("\"size\":300000");
        assertThat(client.putChunk("f.bin", data, 100_000, 300_000).statusCode()).isEqualTo(400);
    }

    @Test
    void lostIntermediateResponseStillConfirmsTheChunk() throws Exception {
        emulator.faults().onNth("PUT", 1, Fault.loseResponse());

        assertThatThrownBy(() -> client.putChunk("f.bin", data, 0, 100_000)).isInstanceOf(IOException.class);

        HttpResponse<String> retry = client.putChunk("f.bin", data, 0, 100_000);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Range")).hasValue("bytes=0-99999");
    }

    @Test
    void stallDelaysTheAnswerThenProcessesNormally() throws Exception {
        emulator.faults().onNth("PUT", 1, Fault.stall(Duration.ofMillis(800)));

        long started = System.nanoTime();
        HttpResponse<String> response = client.putChunk("f.bin", data, 0, 1000);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(emulator.journal().last().fault()).isEqualTo(Fault.stall(Duration.ofMillis(800)));
        assertThat(emulator.faults().injectedCount(Fault.Kind.STALL)).isEqualTo(1);
    }

    @Test
    void faultsByRequestNumberCountEveryRequestSinceReset() throws Exception {
        emulator.faults().atRequest(3, Fault.status(503)); // #1 was the POST in setUp

        assertThat(client.putChunk("f.bin", data, 0, 10).statusCode()).isEqualTo(202);
        assertThat(client.putChunk("f.bin", data, 10, 20).statusCode()).isEqualTo(503);
        assertThat(client.putChunk("f.bin", data, 10, 20).statusCode()).isEqualTo(202);
        assertThat(emulator.journal().requests()).extracting(RecordedRequest::number).containsExactly(1, 2, 3, 4);
    }

    @Test
    void seededRandomFaultsAreReproducible() throws Exception {
        List<Integer> first = randomRun(1234);
        List<Integer> second = randomRun(1234);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains(200).containsAnyOf(503, 429);
        assertThat(first).containsOnly(200, 503, 429);
    }

    private List<Integer> randomRun(long seed) throws Exception {
        emulator.reset();
        emulator.seedFile("x.txt", new byte[]{1});
        emulator.faults().randomly(seed, 0.4, "GET", Fault.status(503), Fault.tooManyRequests(1));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(client.get("x.txt", null).statusCode());
        }
        assertThat(emulator.faults().injectedTotal()).isEqualTo(statuses.stream().filter(s -> s != 200).count());
        return statuses;
    }
}
