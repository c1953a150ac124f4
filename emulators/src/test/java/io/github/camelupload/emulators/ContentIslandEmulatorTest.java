package io.github.camelupload.emulators;

import static io.github.camelupload.emulators.ContentIslandClient.json;
import static io.github.camelupload.emulators.ContentIslandClient.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ContentIsland upload rules, driven over plain HTTP. */
class ContentIslandEmulatorTest {

    /** Small parts keep most chunked tests cheap; the 5 MiB rule itself is tested with the default. */
    private static final int PART = 64 * 1024;

    @RegisterExtension
    static ContentIslandEmulatorExtension contentisland = new ContentIslandEmulatorExtension(e -> e.minPartSize(PART));

    private ContentIslandEmulator emulator;
    private ContentIslandClient client;

    @BeforeEach
    void setUp() {
        emulator = contentisland.emulator();
        client = new ContentIslandClient(emulator);
    }

    // ---- authentication and request shape -----------------------------------------------------------------

    @Test
    void writeTokenUploadsReadOnlyTokenIs403OthersAre401() throws Exception {
        TestHttp.Multipart body = new TestHttp.Multipart().file("file", "a.txt", "text/plain", new byte[]{1});

        assertThat(client.post(body, false, "test-write-token").statusCode()).isEqualTo(201);
        HttpResponse<String> readOnly = client.post(body, false, "test-read-token");
        assertThat(readOnly.statusCode()).isEqualTo(403);
        assertThat(readOnly.body()).contains("write token");
        assertThat(client.post(body, false, "nope").statusCode()).isEqualTo(401);
        assertThat(client.post(body, false, null).statusCode()).isEqualTo(401);
        HttpResponse<String> basic = TestHttp.send(TestHttp.request(emulator.uploadUrl())
                .header("Authorization", TestHttp.basic("test-write-token", ""))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())).build());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(emulator.storedResources()).hasSize(1);
    }

    @Test
    void tokensAreConfigurable() throws Exception {
        emulator.writeToken("w2").readOnlyToken("r2");
        TestHttp.Multipart body = new TestHttp.Multipart().file("file", "a.txt", "text/plain", new byte[]{1});

        assertThat(client.post(body, false, "w2").statusCode()).isEqualTo(201);
        assertThat(client.post(body, false, "r2").statusCode()).isEqualTo(403);
        assertThat(client.post(body, false, "test-write-token").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/octet-stream", "application/json", "multipart/mixed; boundary=x",
            "multipart/form-data", "multipart/form-data; boundary=wrong"})
    void notAWellFormedMultipartFormIs400(String contentType) throws Exception {
        TestHttp.Multipart body = new TestHttp.Multipart().file("file", "a.txt", "text/plain", new byte[]{1});
        HttpResponse<String> response = TestHttp.send(TestHttp.request(emulator.uploadUrl())
                .header("Authorization", "Bearer test-write-token")
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isNotBlank();
        assertThat(emulator.storedResources()).isEmpty();
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(TestHttp.send(TestHttp.request(emulator.baseUrl() + "/resource/list")
                .header("Authorization", "Bearer test-write-token").build()).statusCode()).isEqualTo(404);
        assertThat(TestHttp.send(TestHttp.request(emulator.uploadUrl())
                .header("Authorization", "Bearer test-write-token").build()).statusCode()).isEqualTo(405);
        assertThat(TestHttp.send(TestHttp.request(emulator.origin() + "/files/nothing-here").build()).statusCode())
                .isEqualTo(404);
        assertThat(TestHttp.rawStatus(emulator.port(), "GET", "/files/..%2f..%2fetc")).isEqualTo(404);
    }

    // ---- simple mode ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5000, 3 * 1024 * 1024 + 5})
    void simpleUploadStoresTheBytesAndServesThemAtTheUrl(int size) throws Exception {
        byte[] data = TestHttp.randomBytes(size, size);

        HttpResponse<String> response = client.simple("cover-image.png", data);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode answer = json(response);
        String name = answer.get("name").asText();
        assertThat(name).matches("[0-9a-f]{8}-cover-image\\.png");
        assertThat(answer.get("url").asText()).isEqualTo(emulator.origin() + "/files/" + name);
        assertThat(TestHttp.sha256(emulator.storedResource(name))).isEqualTo(TestHttp.sha256(data));
        assertThat(emulator.resourceInfo(name)).hasValueSatisfying(info -> {
            assertThat(info.size()).isEqualTo(size);
            assertThat(info.sha256()).isEqualTo(TestHttp.sha256(data));
        });
        HttpResponse<byte[]> download = TestHttp.sendForBytes(TestHttp.request(answer.get("url").asText()).build());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(data);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a b.png|a_b.png", "ünï cödé.txt|_n__c_d_.txt", "文件.pdf|__.pdf", "hash#tag%.txt|hash_tag_.txt",
            "a+b=c;d.txt|a_b_c_d.txt", "C:\\\\Users\\\\me\\\\x.png|x.png", "../../etc/passwd|passwd",
            "keep-this_name.1.tar.gz|keep-this_name.1.tar.gz"})
    void namesArePrefixedAndSanitized(String fileName, String sanitized) throws Exception {
        byte[] data = TestHttp.randomBytes(100, 9);

        HttpResponse<String> response = client.simple(fileName, data);

        assertThat(response.statusCode()).isEqualTo(201);
        String name = json(response).get("name").asText();
        assertThat(name).matches("[0-9a-f]{8}-.*").endsWith("-" + sanitized);
        assertThat(emulator.storedResource(name).getParent()).isEqualTo(emulator.storageDir().resolve("files"));
        assertThat(TestHttp.sha256(emulator.storedResource(name))).isEqualTo(TestHttp.sha256(data));
    }

    @Test
    void simpleUploadNeedsAFilePart() throws Exception {
        HttpResponse<String> response = client.post(new TestHttp.Multipart()
                .file("chunk", "a.bin", null, new byte[10]), false, emulator.writeToken());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(emulator.storedResources()).isEmpty();
    }

    @Test
    void simpleUploadOverTheLimitIsRefused() throws Exception {
        emulator.simpleUploadLimit(1000);

        assertThat(client.simple("a.bin", new byte[1001]).statusCode()).isEqualTo(413);
        assertThat(client.simple("a.bin", new byte[1000]).statusCode()).isEqualTo(201);
        assertThat(emulator.storedResources()).hasSize(1);
    }

    @Test
    void theDefaultSimpleLimitIs400MillionBytes() {
        assertThat(new ContentIslandEmulator().simpleUploadLimit()).isEqualTo(400_000_000L);
    }

    // ---- chunked mode --------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"1, 1000", "3, 65536", "4, 200000", "2, 65537"})
    void chunkedUploadAssemblesThePartsInOrder(int chunks, int chunkSize) throws Exception {
        byte[] data = TestHttp.randomBytes((chunks - 1) * chunkSize + 777, chunks);

        JsonNode done = client.uploadChunked("big file.mp4", data, chunkSize);

        String name = done.get("name").asText();
        assertThat(name).matches("[0-9a-f]{8}-big_file\\.mp4");
        assertThat(done.get("url").asText()).isEqualTo(emulator.origin() + "/files/" + name);
        assertThat(TestHttp.sha256(emulator.storedResource(name))).isEqualTo(TestHttp.sha256(data));
        assertThat(emulator.resourceInfo(name).orElseThrow().sha256()).isEqualTo(TestHttp.sha256(data));
        assertThat(emulator.unfinishedUploads()).isEmpty();
        try (var leftovers = Files.list(emulator.storageDir().resolve("parts"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    @Test
    void progressAnswersFollowTheS3Shape() throws Exception {
        byte[] data = TestHttp.randomBytes(3 * PART, 10);
        byte[] first = TestHttp.slice(data, 0, PART);

        HttpResponse<String> response = client.chunk(options(0, PART, 3, null), "x.bin", first);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode progress = json(response);
        assertThat(progress.get("uploadId").asText()).isNotBlank();
        assertThat(progress.get("filePrefix").asText()).matches("[0-9a-f]{8}");
        JsonNode parts = progress.get("multiPartUpload").get("Parts");
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).get("PartNumber").asInt()).isEqualTo(1);
        assertThat(parts.get(0).get("ETag").asText()).isEqualTo("\"" + TestHttp.md5(first) + "\"");
        assertThat(emulator.unfinishedUploads()).containsExactly(progress.get("uploadId").asText());

        JsonNode second = json(client.chunk(options(1, PART, 3, progress), "x.bin", TestHttp.slice(data, PART,
                2 * PART)));
        assertThat(second.get("multiPartUpload").get("Parts")).hasSize(2);
        assertThat(second.get("multiPartUpload").get("Parts").get(1).get("PartNumber").asInt()).isEqualTo(2);
        assertThat(second.get("uploadId")).isEqualTo(progress.get("uploadId"));
    }

    @Test
    void theFirstChunkMustNotCarryUploadState() throws Exception {
        for (String field : List.of("uploadId", "multiPartUpload", "filePrefix")) {
            ObjectNode options = (ObjectNode) ContentIslandClient.JSON.readTree(options(0, 10, 2, null));
            options.set(field, field.equals("multiPartUpload")
                    ? ContentIslandClient.JSON.createObjectNode().putArray("Parts")
                    : ContentIslandClient.JSON.getNodeFactory().textNode("x"));
            assertThat(client.chunk(options.toString(), "a", new byte[10]).statusCode()).as(field).isEqualTo(400);
        }
        assertThat(emulator.unfinishedUploads()).isEmpty();
    }

    @Test
    void laterChunksMustEchoThePreviousAnswerExactly() throws Exception {
        byte[] chunk = TestHttp.randomBytes(PART, 11);
        JsonNode progress = json(client.chunk(options(0, PART, 3, null), "a", chunk));

        ObjectNode wrongEtag = progress.deepCopy();
        ((ObjectNode) wrongEtag.get("multiPartUpload").get("Parts").get(0)).put("ETag", "\"0000\"");
        ObjectNode wrongPrefix = ((ObjectNode) progress.deepCopy()).put("filePrefix", "deadbeef");
        ObjectNode noParts = progress.deepCopy();
        noParts.remove("multiPartUpload");
        ObjectNode emptyParts = progress.deepCopy();
        ((ObjectNode) emptyParts.get("multiPartUpload")).putArray("Parts");
        ObjectNode unknownId = ((ObjectNode) progress.deepCopy()).put("uploadId", "no-such-upload");
        for (JsonNode bad : List.of(wrongEtag, wrongPrefix, noParts, emptyParts, unknownId)) {
            assertThat(client.chunk(options(1, PART, 3, bad), "a", chunk).statusCode()).as(bad.toString())
                    .isEqualTo(400);
        }
        assertThat(client.chunk(options(1, PART, 3, progress), "a", chunk).statusCode()).isEqualTo(201);
    }

    @Test
    void chunkSizeAndTotalChunksAreChecked() throws Exception {
        byte[] chunk = TestHttp.randomBytes(PART, 12);
        assertThat(client.chunk(options(0, PART + 1, 3, null), "a", chunk).statusCode()).isEqualTo(400);
        assertThat(client.chunk(options(0, PART, 0, null), "a", chunk).statusCode()).isEqualTo(400);
        assertThat(client.chunk(options(0, PART, 10_001, null), "a", chunk).statusCode()).isEqualTo(400);
        assertThat(client.chunk(options(3, PART, 3, null), "a", chunk).statusCode()).isEqualTo(400);
        assertThat(client.chunk("{\"chunkIndex\":\"0\",\"chunkSize\":1,\"totalChunks\":2}", "a", new byte[1])
                .statusCode()).isEqualTo(400);
        assertThat(client.chunk("not json", "a", chunk).statusCode()).isEqualTo(400);

        JsonNode progress = json(client.chunk(options(0, PART, 3, null), "a", chunk));
        assertThat(client.chunk(options(1, PART, 4, progress), "a", chunk).statusCode()).isEqualTo(400);
        assertThat(client.chunk(options(1, PART - 1, 3, progress), "a", chunk).statusCode()).isEqualTo(400);
        assertThat(client.chunk(options(1, PART, 3, progress), "a", chunk).statusCode()).isEqualTo(201);
        assertThat(client.chunk(options(0, PART, 10_000, null), "a", chunk).statusCode()).isEqualTo(201);
    }

    @Test
    void chunkedModeNeedsChunkAndChunkOptionsParts() throws Exception {
        assertThat(client.post(new TestHttp.Multipart().field("chunkOptions", options(0, 1, 2, null))
                .file("file", "a", null, new byte[1]), true, emulator.writeToken()).statusCode()).isEqualTo(400);
        assertThat(client.post(new TestHttp.Multipart().file("chunk", "a", null, new byte[1]), true,
                emulator.writeToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void aChunkOverTheLimitIsRefused() throws Exception {
        emulator.maxChunkSize(PART);
        assertThat(client.chunk(options(0, PART + 1, 2, null), "a", new byte[PART + 1]).statusCode())
                .isEqualTo(413);
        assertThat(emulator.unfinishedUploads()).isEmpty();
    }

    @Test
    void skippingOrGoingBackIsRefusedButResendingTheLatestReplacesIt() throws Exception {
        byte[] data = TestHttp.randomBytes(4 * PART, 13);
        byte[][] chunks = new byte[4][];
        for (int i = 0; i < 4; i++) {
            chunks[i] = TestHttp.slice(data, (long) i * PART, (long) (i + 1) * PART);
        }
        JsonNode after0 = json(client.chunk(options(0, PART, 4, null), "r.bin", chunks[0]));
        JsonNode after1 = json(client.chunk(options(1, PART, 4, after0), "r.bin", chunks[1]));

        assertThat(client.chunk(options(3, PART, 4, after1), "r.bin", chunks[3]).statusCode()).as("skip")
                .isEqualTo(400);
        assertThat(client.chunk(options(0, PART, 4, after1), "r.bin", chunks[0]).statusCode()).as("back")
                .isEqualTo(400);
        assertThat(client.chunk(options(1, PART, 4, after1), "r.bin", chunks[1]).statusCode())
                .as("resend with the state after it").isEqualTo(400);

        // resend chunk 1 with the state from before it, first with wrong bytes, then with the right ones
        byte[] garbage = TestHttp.randomBytes(PART, 99);
        JsonNode replaced = json(client.chunk(options(1, PART, 4, after0), "r.bin", garbage));
        assertThat(replaced.get("multiPartUpload").get("Parts").get(1).get("ETag").asText())
                .isEqualTo("\"" + TestHttp.md5(garbage) + "\"");
        JsonNode fixed = json(client.chunk(options(1, PART, 4, after0), "r.bin", chunks[1]));
        assertThat(fixed).isEqualTo(after1);

        JsonNode after2 = json(client.chunk(options(2, PART, 4, fixed), "r.bin", chunks[2]));
        HttpResponse<String> last = client.chunk(options(3, PART, 4, after2), "r.bin", chunks[3]);
        assertThat(last.statusCode()).isEqualTo(201);
        String name = json(last).get("name").asText();
        assertThat(TestHttp.sha256(emulator.storedResource(name))).isEqualTo(TestHttp.sha256(data));
    }

    @Test
    void aSmallNonFinalPartFailsTheCompletionWith500AndTheUploadIsGone() throws Exception {
        emulator.minPartSize(ContentIslandEmulator.DEFAULT_MIN_PART_SIZE); // the real 5 MiB rule
        int fiveMib = 5 * 1024 * 1024;
        JsonNode after0 = json(client.chunk(options(0, fiveMib, 3, null), "s.bin", new byte[fiveMib]));
        JsonNode after1 = json(client.chunk(options(1, fiveMib - 1, 3, after0), "s.bin", new byte[fiveMib - 1]));

        HttpResponse<String> last = client.chunk(options(2, 10, 3, after1), "s.bin", new byte[10]);

        assertThat(last.statusCode()).isEqualTo(500);
        assertThat(emulator.unfinishedUploads()).isEmpty();
        assertThat(emulator.storedResources()).isEmpty();
        assertThat(client.chunk(options(2, 10, 3, after1), "s.bin", new byte[10]).statusCode()).isEqualTo(400);
    }

    @Test
    void fiveMibPartsAndASmallLastPartComplete() throws Exception {
        emulator.minPartSize(ContentIslandEmulator.DEFAULT_MIN_PART_SIZE);
        byte[] data = TestHttp.randomBytes(2 * 5 * 1024 * 1024 + 3, 14);

        JsonNode done = client.uploadChunked("ok.bin", data, 5 * 1024 * 1024);

        assertThat(emulator.resourceInfo(done.get("name").asText()).orElseThrow().sha256())
                .isEqualTo(TestHttp.sha256(data));
    }

    @Test
    void abandonedUploadsStayUnfinishedWithTheirParts() throws Exception {
        JsonNode a = json(client.chunk(options(0, 10, 2, null), "a", new byte[10]));
        JsonNode b = json(client.chunk(options(0, 10, 2, null), "a", new byte[10])); // chunk 0 again: a new upload

        assertThat(emulator.unfinishedUploads()).containsExactlyInAnyOrder(a.get("uploadId").asText(),
                b.get("uploadId").asText());
        assertThat(emulator.storageDir().resolve("parts").resolve(a.get("uploadId").asText())).isDirectory();
    }

    // ---- journal and reset --------------------------------------------------------------------------------

    @Test
    void theJournalRecordsTheMultipartShape() throws Exception {
        String options = options(0, 5, 2, null);
        client.chunk(options, "part.bin", new byte[5]);
        client.simple("pic.png", new byte[3]);

        RecordedRequest chunked = emulator.journal().requests().get(0);
        assertThat(chunked.chunkUpload()).isTrue();
        assertThat(chunked.header("x-chunk-upload")).isEqualTo("true");
        assertThat(chunked.chunkOptions()).isEqualTo(options);
        assertThat(chunked.parts()).containsExactly(
                new RecordedRequest.PartInfo("chunkOptions", null, null, options.length()),
                new RecordedRequest.PartInfo("chunk", "part.bin", "application/octet-stream", 5));
        assertThat(chunked.status()).isEqualTo(201);
        assertThat(chunked.bodyBytes()).isGreaterThan(5);

        RecordedRequest simple = emulator.journal().requests().get(1);
        assertThat(simple.chunkUpload()).isFalse();
        assertThat(simple.chunkOptions()).isNull();
        assertThat(simple.part("file")).hasValue(new RecordedRequest.PartInfo("file", "pic.png",
                "application/octet-stream", 3));
        assertThat(simple.responseHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void resetForgetsResourcesAndUploads() throws Exception {
        String name = json(client.simple("a.txt", new byte[]{1})).get("name").asText();
        client.chunk(options(0, 10, 2, null), "a", new byte[10]);

        emulator.reset();

        assertThat(emulator.storedResources()).isEmpty();
        assertThat(emulator.unfinishedUploads()).isEmpty();
        assertThat(emulator.resourceInfo(name)).isEmpty();
        assertThat(emulator.storedResource(name)).doesNotExist();
        assertThat(emulator.journal().size()).isZero();
    }
}
