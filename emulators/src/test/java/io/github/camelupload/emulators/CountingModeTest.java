package io.github.camelupload.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Counting mode: the same protocol rules, the size and SHA-256 of what arrived, and nothing written to disk.
 */
class CountingModeTest {

    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static ClickHelpEmulatorExtension clickhelp = new ClickHelpEmulatorExtension(e -> e.countingOnly(true));
    @RegisterExtension
    static ContentIslandEmulatorExtension contentisland =
            new ContentIslandEmulatorExtension(e -> e.countingOnly(true).minPartSize(1000));

    @Test
    void clickHelpCountsAndHashesWithoutStoring() throws Exception {
        ClickHelpEmulator emulator = clickhelp.emulator();
        ClickHelpClient client = new ClickHelpClient(emulator);
        byte[] data = TestHttp.randomBytes(3 * MIB + 17, 1);

        HttpResponse<String> last = client.upload("docs/big.bin", data, MIB);

        assertThat(last.statusCode()).isEqualTo(201);
        assertThat(ContentIslandClient.JSON.readTree(last.body()).get("size").asLong()).isEqualTo(data.length);
        assertThat(emulator.fileInfo("docs/big.bin")).hasValueSatisfying(info -> {
            assertThat(info.size()).isEqualTo(data.length);
            assertThat(info.sha256()).isEqualTo(TestHttp.sha256(data));
            assertThat(info.path()).isNull();
        });
        assertThat(regularFilesUnder(emulator.storageDir())).isZero();
    }

    @Test
    void clickHelpStillValidatesTheProtocol() throws Exception {
        ClickHelpEmulator emulator = clickhelp.emulator();
        ClickHelpClient client = new ClickHelpClient(emulator);
        byte[] data = TestHttp.randomBytes(3000, 2);
        client.start("a.bin", "format=resumable&isOverwrite=true");
        assertThat(client.putChunk("a.bin", data, 0, 1000).statusCode()).isEqualTo(202);

        HttpResponse<String> skipped = client.putChunk("a.bin", data, 2000, 3000);
        HttpResponse<String> badRange = client.put("a.bin", "bytes 1000-1999/3000", new byte[10]);

        assertThat(skipped.statusCode()).isEqualTo(202);
        assertThat(skipped.headers().firstValue("Range")).hasValue("bytes=0-999");
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(client.putChunk("a.bin", data, 1000, 3000).statusCode()).isEqualTo(201);
        assertThat(emulator.fileInfo("a.bin").orElseThrow().sha256()).isEqualTo(TestHttp.sha256(data));
    }

    @Test
    void contentIslandSimpleUploadIsCountedNotStored() throws Exception {
        ContentIslandEmulator emulator = contentisland.emulator();
        byte[] data = TestHttp.randomBytes(2 * MIB + 5, 3);

        HttpResponse<String> response = new ContentIslandClient(emulator).simple("cover.png", data);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String name = ContentIslandClient.json(response).get("name").asText();
        assertThat(name).matches("[0-9a-f]{8}-cover\\.png");
        assertThat(emulator.resourceInfo(name)).hasValueSatisfying(info -> {
            assertThat(info.size()).isEqualTo(data.length);
            assertThat(info.sha256()).isEqualTo(TestHttp.sha256(data));
        });
        assertThat(regularFilesUnder(emulator.storageDir())).isZero();
    }

    @Test
    void contentIslandChunkedUploadHashesAcrossChunksAndResends() throws Exception {
        ContentIslandEmulator emulator = contentisland.emulator();
        ContentIslandClient client = new ContentIslandClient(emulator);
        byte[] data = TestHttp.randomBytes(10_500, 4);
        byte[] first = TestHttp.slice(data, 0, 4000);
        byte[] second = TestHttp.slice(data, 4000, 8000);
        JsonNode afterFirst = ContentIslandClient.json(client.chunk(ContentIslandClient.options(0, 4000, 3, null),
                "f.bin", first));
        // chunk 1 is sent, then sent again with the state from before it (its answer was "lost"): it replaces it
        client.chunk(ContentIslandClient.options(1, 4000, 3, afterFirst), "f.bin", TestHttp.randomBytes(4000, 9));
        JsonNode afterSecond = ContentIslandClient.json(client.chunk(
                ContentIslandClient.options(1, 4000, 3, afterFirst), "f.bin", second));
        HttpResponse<String> staleEcho = client.chunk(ContentIslandClient.options(2, 2500, 3, afterFirst), "f.bin",
                TestHttp.slice(data, 8000, 10_500));

        HttpResponse<String> last = client.chunk(ContentIslandClient.options(2, 2500, 3, afterSecond), "f.bin",
                TestHttp.slice(data, 8000, 10_500));

        assertThat(staleEcho.statusCode()).isEqualTo(400);
        assertThat(last.statusCode()).as(last.body()).isEqualTo(201);
        String name = ContentIslandClient.json(last).get("name").asText();
        assertThat(emulator.resourceInfo(name)).hasValueSatisfying(info -> {
            assertThat(info.size()).isEqualTo(data.length);
            assertThat(info.sha256()).isEqualTo(TestHttp.sha256(data));
        });
        assertThat(emulator.unfinishedUploads()).isEmpty();
        assertThat(regularFilesUnder(emulator.storageDir())).isZero();
    }

    @Test
    void contentIslandRefusesWhatItWouldRefuseWhenStoring() throws Exception {
        ContentIslandEmulator emulator = contentisland.emulator();
        ContentIslandClient client = new ContentIslandClient(emulator);
        byte[] chunk = TestHttp.randomBytes(500, 5);

        HttpResponse<String> wrongSize = client.chunk(ContentIslandClient.options(0, 499, 2, null), "f.bin", chunk);
        HttpResponse<String> noOptions = client.post(new TestHttp.Multipart()
                .file("chunk", "f.bin", "application/octet-stream", chunk), true, emulator.writeToken());
        JsonNode started = ContentIslandClient.json(client.chunk(ContentIslandClient.options(0, 500, 2, null),
                "f.bin", chunk));
        HttpResponse<String> tooSmallPart = client.chunk(ContentIslandClient.options(1, 500, 2, started), "f.bin",
                chunk);

        assertThat(wrongSize.statusCode()).isEqualTo(400);
        assertThat(noOptions.statusCode()).isEqualTo(400);
        assertThat(tooSmallPart.statusCode()).as("the first part is under minPartSize").isEqualTo(500);
        assertThat(emulator.storedResources()).isEmpty();
    }

    private static long regularFilesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
