package io.github.camelupload.emulators;

import static io.github.camelupload.emulators.ContentIslandClient.json;
import static io.github.camelupload.emulators.ContentIslandClient.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fault, as a ContentIsland client sees it. */
class ContentIslandFaultsTest {

    private static final int PART = 64 * 1024;

    @RegisterExtension
    static ContentIslandEmulatorExtension contentisland = new ContentIslandEmulatorExtension(e -> e.minPartSize(PART));

    private ContentIslandEmulator emulator;
    private ContentIslandClient client;
    private final byte[] data = TestHttp.randomBytes(3 * PART, 77);
    private final byte[][] chunks = new byte[3][];

    @BeforeEach
    void setUp() {
        emulator = contentisland.emulator();
        client = new ContentIslandClient(emulator);
        for (int i = 0; i < 3; i++) {
            chunks[i] = TestHttp.slice(data, (long) i * PART, (long) (i + 1) * PART);
        }
    }

    @Test
    void droppedSimpleUploadStoresNothing() throws Exception {
        emulator.faults().atRequest(1, Fault.dropConnectionAfter(10_000));

        assertThatThrownBy(() -> client.simple("a.bin", data)).isInstanceOf(IOException.class);

        RecordedRequest dropped = emulator.journal().last();
        assertThat(dropped.fault()).isEqualTo(Fault.dropConnectionAfter(10_000));
        assertThat(dropped.responseSent()).isFalse();
        assertThat(dropped.bodyBytes()).isGreaterThanOrEqualTo(10_000).isLessThan(data.length);
        assertThat(emulator.storedResources()).isEmpty();
        assertThat(client.simple("a.bin", data).statusCode()).isEqualTo(201);
        assertThat(emulator.faults().injectedCounts()).isEqualTo(Map.of(Fault.Kind.DROP_CONNECTION, 1L));
    }

    @Test
    void droppedChunkIsNotStoredAndCanBeSentAgain() throws Exception {
        JsonNode after0 = json(client.chunk(options(0, PART, 3, null), "c.bin", chunks[0]));
        emulator.faults().onNth("POST", 2, Fault.dropConnectionAfter(PART / 2));

        assertThatThrownBy(() -> client.chunk(options(1, PART, 3, after0), "c.bin", chunks[1]))
                .isInstanceOf(IOException.class);

        JsonNode after1 = json(client.chunk(options(1, PART, 3, after0), "c.bin", chunks[1]));
        assertThat(after1.get("multiPartUpload").get("Parts")).hasSize(2);
        HttpResponse<String> last = client.chunk(options(2, PART, 3, after1), "c.bin", chunks[2]);
        assertThat(last.statusCode()).isEqualTo(201);
        assertThat(emulator.resourceInfo(json(last).get("name").asText()).orElseThrow().sha256())
                .isEqualTo(TestHttp.sha256(data));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void injectedStatusStoresNothing(int status) throws Exception {
        emulator.faults().atRequest(1, Fault.status(status));

        HttpResponse<String> response = client.simple("a.bin", data);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(json(response).get("message").asText()).contains("injected");
        assertThat(emulator.storedResources()).isEmpty();
        assertThat(emulator.journal().last().bodyBytes()).isGreaterThan(data.length); // drained
        assertThat(emulator.faults().injectedCount(Fault.Kind.STATUS)).isEqualTo(1);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() throws Exception {
        JsonNode after0 = json(client.chunk(options(0, PART, 3, null), "c.bin", chunks[0]));
        emulator.faults().onNth("POST", 2, Fault.tooManyRequests(3));

        HttpResponse<String> limited = client.chunk(options(1, PART, 3, after0), "c.bin", chunks[1]);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(client.chunk(options(1, PART, 3, after0), "c.bin", chunks[1]).statusCode()).isEqualTo(201);
    }

    @Test
    void lostSimpleResponseStillStoresTheResource() throws Exception {
        emulator.faults().atRequest(1, Fault.loseResponse());

        assertThatThrownBy(() -> client.simple("a.bin", data)).isInstanceOf(IOException.class);

        assertThat(emulator.journal().last().status()).isEqualTo(201);
        assertThat(emulator.storedResources()).hasSize(1);
        String name = emulator.storedResources().iterator().next();
        assertThat(emulator.resourceInfo(name).orElseThrow().sha256()).isEqualTo(TestHttp.sha256(data));
    }

    @Test
    void lostChunkResponseIsRecoveredByResendingWithTheStateFromBefore() throws Exception {
        JsonNode after0 = json(client.chunk(options(0, PART, 3, null), "c.bin", chunks[0]));
        emulator.faults().onNth("POST", 2, Fault.loseResponse());

        assertThatThrownBy(() -> client.chunk(options(1, PART, 3, after0), "c.bin", chunks[1]))
                .isInstanceOf(IOException.class);

        JsonNode after1 = json(client.chunk(options(1, PART, 3, after0), "c.bin", chunks[1])); // replaces part 2
        HttpResponse<String> last = client.chunk(options(2, PART, 3, after1), "c.bin", chunks[2]);
        assertThat(last.statusCode()).isEqualTo(201);
        assertThat(emulator.resourceInfo(json(last).get("name").asText()).orElseThrow().sha256())
                .isEqualTo(TestHttp.sha256(data));
    }

    @Test
    void lostFinalResponseStillCompletesTheUpload() throws Exception {
        JsonNode after0 = json(client.chunk(options(0, PART, 3, null), "c.bin", chunks[0]));
        JsonNode after1 = json(client.chunk(options(1, PART, 3, after0), "c.bin", chunks[1]));
        emulator.faults().onNth("POST", 3, Fault.loseResponse());

        assertThatThrownBy(() -> client.chunk(options(2, PART, 3, after1), "c.bin", chunks[2]))
                .isInstanceOf(IOException.class);

        assertThat(emulator.unfinishedUploads()).isEmpty();
        assertThat(emulator.storedResources()).singleElement().satisfies(name ->
                assertThat(emulator.resourceInfo(name).orElseThrow().sha256()).isEqualTo(TestHttp.sha256(data)));
        assertThat(client.chunk(options(2, PART, 3, after1), "c.bin", chunks[2]).statusCode()).isEqualTo(400);
    }

    @Test
    void stallDelaysTheAnswerThenProcessesNormally() throws Exception {
        emulator.faults().atRequest(1, Fault.stall(Duration.ofMillis(600)));

        long started = System.nanoTime();
        HttpResponse<String> response = client.simple("a.bin", new byte[10]);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(emulator.faults().injectedCount(Fault.Kind.STALL)).isEqualTo(1);
    }

    @Test
    void partialChunkDoesNotApplyToContentIsland() throws Exception {
        emulator.faults().atRequest(1, Fault.partialChunk(10));

        assertThat(client.simple("a.bin", new byte[100]).statusCode()).isEqualTo(201);

        assertThat(emulator.journal().last().fault()).isNull();
        assertThat(emulator.faults().injectedTotal()).isZero();
    }

    @Test
    void faultsOnTheDownloadUrlWork() throws Exception {
        String url = json(client.simple("a.bin", new byte[100])).get("url").asText();
        emulator.faults().onNth("GET", 1, Fault.status(503));

        assertThat(TestHttp.send(TestHttp.request(url).build()).statusCode()).isEqualTo(503);
        assertThat(TestHttp.sendForBytes(TestHttp.request(url).build()).body()).hasSize(100);
    }
}
