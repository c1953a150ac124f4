package io.github.camelupload.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ClickHelp Storage rules, driven over plain HTTP. */
class ClickHelpEmulatorTest {

    @RegisterExtension
    static ClickHelpEmulatorExtension clickhelp = new ClickHelpEmulatorExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private ClickHelpEmulator emulator;
    private ClickHelpClient client;

    @BeforeEach
    void setUp() {
        emulator = clickhelp.emulator();
        client = new ClickHelpClient(emulator);
    }

    // ---- a whole upload -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {1, 1000, 1024 * 1024, 10 * 1024 * 1024, 10 * 1024 * 1024 + 1, 23 * 1024 * 1024 + 17})
    void storesExactlyTheBytesSent(int size) throws Exception {
        byte[] data = TestHttp.randomBytes(size, size);

        HttpResponse<String> last = client.upload("docs/file.bin", data, 10 * 1024 * 1024);

        assertThat(last.statusCode()).isEqualTo(201);
        assertThat(TestHttp.sha256(emulator.storedFile("docs/file.bin"))).isEqualTo(TestHttp.sha256(data));
        assertThat(emulator.fileInfo("docs/file.bin")).hasValueSatisfying(info -> {
            assertThat(info.size()).isEqualTo(size);
            assertThat(info.sha256()).isEqualTo(TestHttp.sha256(data));
        });
        assertThat(emulator.unfinishedUploads()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b.png", "docs/ünïcödé 文件.txt", "deep/er/and/deeper/x.bin", "hash#tag.txt",
            "100%.txt", "a+b=c.txt", "semi;colon&amp.txt", "quote'paren(1).txt", "~tilde.txt"})
    void oddNamesRoundTrip(String path) throws Exception {
        byte[] data = TestHttp.randomBytes(3000, path.hashCode());

        HttpResponse<String> last = client.upload(path, data, 1024);

        assertThat(last.statusCode()).isEqualTo(201);
        assertThat(emulator.storedFile(path)).exists();
        assertThat(TestHttp.sha256(emulator.storedFile(path))).isEqualTo(TestHttp.sha256(data));
        JsonNode descriptor = JSON.readTree(last.body());
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        assertThat(descriptor.get("fileName").asText()).isEqualTo(fileName);
        assertThat(descriptor.get("fileFullName").asText()).isEqualTo("Storage\\" + path.replace('/', '\\'));
        assertThat(emulator.journal().last().path()).endsWith("/" + path);
    }

    @Test
    void plusInAPathIsAPlusNotASpace() throws Exception {
        assertThat(client.startRaw("a+b.txt", "format=resumable").statusCode()).isEqualTo(201);
        assertThat(client.put("a+b.txt", "bytes 0-1/2", new byte[]{1, 2}).statusCode()).isEqualTo(201);
        assertThat(emulator.storedFile("a+b.txt")).exists();
        assertThat(emulator.storedFile("a b.txt")).doesNotExist();
    }

    @Test
    void finalAnswerIsTheDocumentedDescriptor() throws Exception {
        HttpResponse<String> last = client.upload("docs/a.png", new byte[]{1, 2, 3}, 10);

        assertThat(last.statusCode()).isEqualTo(201);
        assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/json"));
        JsonNode descriptor = JSON.readTree(last.body());
        assertThat(fieldNames(descriptor)).containsExactly("content", "fileFullName", "fileName", "isFolder",
                "modifiedBy", "modifiedOn", "size");
        assertThat(descriptor.get("content").isNull()).isTrue();
        assertThat(descriptor.get("fileFullName").asText()).isEqualTo("Storage\\docs\\a.png");
        assertThat(descriptor.get("fileName").asText()).isEqualTo("a.png");
        assertThat(descriptor.get("isFolder").asBoolean()).isFalse();
        assertThat(descriptor.get("modifiedBy").asText()).isEqualTo("tester");
        assertThat(descriptor.get("modifiedOn").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(descriptor.get("size").asLong()).isEqualTo(3);
    }

    // ---- authentication -----------------------------------------------------------------------------------

    @Test
    void wrongOrMissingCredentialsAre401WithAMessage() throws Exception {
        String url = client.url("a.txt", "format=resumable");
        for (String authorization : new String[]{null, TestHttp.basic("tester", "wrong"),
                TestHttp.basic("other", "test-api-key"), "Basic !!!notbase64", "Bearer test-api-key"}) {
            HttpRequest.Builder request = TestHttp.request(url).POST(HttpRequest.BodyPublishers.noBody());
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = TestHttp.send(request.build());
            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(response.body()).isNotBlank();
        }
        assertThat(emulator.unfinishedUploads()).isEmpty();
    }

    @Test
    void configuredCredentialsAreTheOnlyOnesAccepted() throws Exception {
        emulator.credentials("alice", "key-1");
        assertThat(client.start("a.txt", "format=resumable").statusCode()).isEqualTo(201);
        HttpResponse<String> old = TestHttp.send(TestHttp.request(client.url("b.txt", "format=resumable"))
                .header("Authorization", TestHttp.basic("tester", "test-api-key"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(old.statusCode()).isEqualTo(401);
    }

    // ---- starting an upload -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "format=base64", "format=Resumable", "format=resumable&isOverwrite=True",
            "format=resumable&isOverwrite=yes", "format=resumable&isOverwrite="})
    void startWithBadParametersIs400(String query) throws Exception {
        HttpResponse<String> response = client.start("a.txt", query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isNotBlank();
        assertThat(emulator.unfinishedUploads()).isEmpty();
    }

    @Test
    void startAnswers201WithAnEmptyBodyByDefaultAndTheConfiguredStatusOtherwise() throws Exception {
        HttpResponse<String> response = client.start("a.txt", "format=resumable&isOverwrite=false");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEmpty();
        assertThat(emulator.unfinishedUploads()).containsExactly("a.txt");

        emulator.startStatus(204);
        assertThat(client.start("b.txt", "format=resumable").statusCode()).isEqualTo(204);
        emulator.startStatus(200);
        assertThat(client.start("c.txt", "format=resumable").statusCode()).isEqualTo(200);
    }

    @Test
    void startOnAnExistingFileWithoutOverwriteIs409() throws Exception {
        emulator.seedFile("docs/a.txt", new byte[]{1});

        assertThat(client.start("docs/a.txt", "format=resumable").statusCode()).isEqualTo(409);
        assertThat(client.start("docs/a.txt", "format=resumable&isOverwrite=false").statusCode()).isEqualTo(409);
        assertThat(client.start("docs/a.txt", "format=resumable&isOverwrite=true").statusCode()).isEqualTo(201);
        assertThat(client.put("docs/a.txt", "bytes 0-1/2", new byte[]{7, 8}).statusCode()).isEqualTo(201);
        assertThat(Files.readAllBytes(emulator.storedFile("docs/a.txt"))).containsExactly(7, 8);
    }

    @Test
    void startOnAFolderOrBelowAFileIs409() throws Exception {
        emulator.seedFile("docs/a.txt", new byte[]{1});

        assertThat(client.start("docs", "format=resumable&isOverwrite=true").statusCode()).isEqualTo(409);
        assertThat(client.start("docs/a.txt/b.txt", "format=resumable").statusCode()).isEqualTo(409);
    }

    @Test
    void startingAgainDiscardsThePartialUpload() throws Exception {
        byte[] data = TestHttp.randomBytes(100, 1);
        client.start("a.bin", "format=resumable");
        assertThat(client.putChunk("a.bin", data, 0, 50).statusCode()).isEqualTo(202);

        assertThat(client.start("a.bin", "format=resumable").statusCode()).isEqualTo(201);

        HttpResponse<String> resumed = client.putChunk("a.bin", data, 50, 100);
        assertThat(resumed.statusCode()).isEqualTo(202);
        assertThat(resumed.headers().firstValue("Range")).isEmpty(); // nothing confirmed any more
        assertThat(client.putChunk("a.bin", data, 0, 100).statusCode()).isEqualTo(201);
        assertThat(TestHttp.sha256(emulator.storedFile("a.bin"))).isEqualTo(TestHttp.sha256(data));
    }

    // ---- chunks -------------------------------------------------------------------------------------------

    @Test
    void putWithoutAStartedUploadIs400() throws Exception {
        HttpResponse<String> response = client.put("nothing.bin", "bytes 0-1/2", new byte[2]);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("No upload in progress");
    }

    @Test
    void putAfterTheUploadCompletedIs400() throws Exception {
        client.upload("a.bin", new byte[]{1, 2}, 2);

        assertThat(client.put("a.bin", "bytes 0-1/2", new byte[2]).statusCode()).isEqualTo(400);
    }

    @Test
    void putWithAnotherFormatIs400() throws Exception {
        client.start("a.bin", "format=resumable");
        HttpResponse<String> response = TestHttp.send(TestHttp.request(client.url("a.bin", "format=base64"))
                .header("Authorization", client.auth()).header("Content-Range", "bytes 0-1/2")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2])).build());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes 0-1", "bytes=0-1/2", "bytes 1-0/2", "bytes 0-2/2", "bytes -1-1/2",
            "items 0-1/2", "bytes 0-1/x", "bytes a-b/2", "bytes 0-1/2, 3-4/5"})
    void malformedContentRangeIs400(String contentRange) throws Exception {
        client.start("a.bin", "format=resumable");
        HttpRequest.Builder request = TestHttp.request(client.url("a.bin", "format=resumable"))
                .header("Authorization", client.auth())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2]));
        if (!contentRange.isEmpty()) {
            request.header("Content-Range", contentRange);
        }
        assertThat(TestHttp.send(request.build()).statusCode()).isEqualTo(400);
        assertThat(TestHttp.send(client.putRequest("a.bin", "bytes 0-1/2",
                HttpRequest.BodyPublishers.ofByteArray(new byte[2]))).statusCode()).isEqualTo(201);
    }

    @Test
    void bodyLengthDifferentFromTheRangeIs400AndStoresNothing() throws Exception {
        byte[] data = TestHttp.randomBytes(10, 2);
        client.start("a.bin", "format=resumable");

        // with Content-Length, too short and too long
        assertThat(client.put("a.bin", "bytes 0-4/10", TestHttp.slice(data, 0, 4)).statusCode()).isEqualTo(400);
        assertThat(client.put("a.bin", "bytes 0-4/10", TestHttp.slice(data, 0, 6)).statusCode()).isEqualTo(400);
        // streamed (chunked transfer coding), so the emulator only finds out while reading
        assertThat(TestHttp.send(client.putRequest("a.bin", "bytes 0-4/10", HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(TestHttp.slice(data, 0, 3))))).statusCode()).isEqualTo(400);
        assertThat(TestHttp.send(client.putRequest("a.bin", "bytes 0-4/10", HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(TestHttp.slice(data, 0, 7))))).statusCode()).isEqualTo(400);

        HttpResponse<String> first = client.putChunk("a.bin", data, 0, 5);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-4/10");
        assertThat(client.putChunk("a.bin", data, 5, 10).statusCode()).isEqualTo(201);
        assertThat(TestHttp.sha256(emulator.storedFile("a.bin"))).isEqualTo(TestHttp.sha256(data));
    }

    @Test
    void aStreamedChunkOfTheRightLengthIsAccepted() throws Exception {
        byte[] data = TestHttp.randomBytes(1000, 3);
        client.start("s.bin", "format=resumable");
        HttpResponse<String> response = TestHttp.send(client.putRequest("s.bin", "bytes 0-999/1000",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(data))));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(emulator.fileInfo("s.bin").orElseThrow().sha256()).isEqualTo(TestHttp.sha256(data));
    }

    @Test
    void aTotalThatChangesIs400ButUnknownThenKnownIsFine() throws Exception {
        byte[] data = TestHttp.randomBytes(30, 4);
        client.start("t.bin", "format=resumable");

        HttpResponse<String> unknown = client.put("t.bin", "bytes 0-9/*", TestHttp.slice(data, 0, 10));
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.headers().firstValue("Content-Range")).hasValue("bytes 0-9/*");
        HttpResponse<String> known = client.put("t.bin", "bytes 10-19/30", TestHttp.slice(data, 10, 20));
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(known.headers().firstValue("Content-Range")).hasValue("bytes 0-19/30");

        assertThat(client.put("t.bin", "bytes 20-29/31", TestHttp.slice(data, 20, 30)).statusCode()).isEqualTo(400);
        assertThat(client.put("t.bin", "bytes 20-29/30", TestHttp.slice(data, 20, 30)).statusCode()).isEqualTo(201);
        assertThat(TestHttp.sha256(emulator.storedFile("t.bin"))).isEqualTo(TestHttp.sha256(data));
    }

    @Test
    void aChunkOverTenMibIs413() throws Exception {
        client.start("big.bin", "format=resumable");
        int size = 10 * 1024 * 1024 + 1;

        HttpResponse<String> response = client.put("big.bin", "bytes 0-" + (size - 1) + "/" + (size + 5),
                new byte[size]);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(emulator.journal().last().status()).isEqualTo(413);
    }

    @Test
    void aFileOverOneGibIs413() throws Exception {
        client.start("huge.bin", "format=resumable");

        assertThat(client.put("huge.bin", "bytes 0-9/" + (1024L * 1024 * 1024 + 1), new byte[10]).statusCode())
                .isEqualTo(413);
        assertThat(client.put("huge.bin", "bytes 0-9/" + 1024L * 1024 * 1024, new byte[10]).statusCode())
                .isEqualTo(202);
    }

    @Test
    void limitsCanBeLoweredForCheapTests() throws Exception {
        emulator.maxChunkSize(4).maxFileSize(8);
        client.start("l.bin", "format=resumable");
        assertThat(client.put("l.bin", "bytes 0-4/8", new byte[5]).statusCode()).isEqualTo(413);
        assertThat(client.put("l.bin", "bytes 0-3/9", new byte[4]).statusCode()).isEqualTo(413);
        assertThat(client.put("l.bin", "bytes 0-3/8", new byte[4]).statusCode()).isEqualTo(202);
    }

    @Test
    void aChunkNotStartingAtTheConfirmedOffsetStoresNothingAndAnswersRange() throws Exception {
        byte[] data = TestHttp.randomBytes(30, 5);
        client.start("r.bin", "format=resumable");

        HttpResponse<String> early = client.putChunk("r.bin", data, 10, 20);
        assertThat(early.statusCode()).isEqualTo(202);
        assertThat(early.headers().firstValue("Range")).as("nothing confirmed yet: no Range").isEmpty();

        assertThat(client.putChunk("r.bin", data, 0, 10).statusCode()).isEqualTo(202);
        HttpResponse<String> behind = client.putChunk("r.bin", data, 5, 15);
        assertThat(behind.statusCode()).isEqualTo(202);
        assertThat(behind.headers().firstValue("Range")).hasValue("bytes=0-9");
        HttpResponse<String> ahead = client.putChunk("r.bin", data, 20, 30);
        assertThat(ahead.headers().firstValue("Range")).hasValue("bytes=0-9");
        assertThat(ahead.headers().firstValue("Content-Range")).isEmpty();

        assertThat(client.putChunk("r.bin", data, 10, 20).statusCode()).isEqualTo(202);
        assertThat(client.putChunk("r.bin", data, 20, 30).statusCode()).isEqualTo(201);
        assertThat(TestHttp.sha256(emulator.storedFile("r.bin"))).isEqualTo(TestHttp.sha256(data));
    }

    @Test
    void unfinishedUploadsAreListedUntilTheyComplete() throws Exception {
        client.start("one.bin", "format=resumable");
        client.start("dir/two.bin", "format=resumable");
        assertThat(emulator.unfinishedUploads()).containsExactlyInAnyOrder("one.bin", "dir/two.bin");

        client.put("one.bin", "bytes 0-0/1", new byte[1]);
        assertThat(emulator.unfinishedUploads()).containsExactly("dir/two.bin");
    }

    // ---- paths --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"..", "../escape.txt", "docs/../../escape.txt", "docs/./a.txt", ".", "docs//a.txt",
            "docs/a.txt/", "%2e%2e/escape.txt", "docs/%2E%2e/x", "%2e/a.txt", "a%5Cb.txt", "a%2Fb.txt",
            "a%00b.txt", "a%01b.txt", "a%7Fb.txt", "a%0Ab.txt", "bad%zzescape.txt", "bad%e9utf8.txt", "trailing%",
            "a\\b.txt", "docs\\..\\..\\x"})
    void invalidPathsAre400AndNothingEscapes(String rawPath) throws Exception {
        int status = TestHttp.rawStatus(emulator.port(), "POST",
                "/api/v1/storage/" + rawPath + "?format=resumable&isOverwrite=true",
                "Authorization: " + client.auth());

        assertThat(status).as(rawPath).isEqualTo(400);
        assertThat(emulator.unfinishedUploads()).isEmpty();
        try (var files = Files.list(emulator.storageDir().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsOnly("storage");
        }
    }

    @Test
    void aRequestOutsideTheStorageApiIs404() throws Exception {
        HttpResponse<String> response = TestHttp.send(TestHttp.request(emulator.portalUrl() + "/api/v1/articles")
                .header("Authorization", client.auth()).GET().build());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    // ---- reading back -------------------------------------------------------------------------------------

    @Test
    void getDescribesAFileAndIs404WhenAbsent() throws Exception {
        client.upload("docs/a b.png", new byte[]{1, 2, 3, 4}, 2);

        HttpResponse<String> found = client.get("docs/a b.png", null);
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode descriptor = JSON.readTree(found.body());
        assertThat(descriptor.get("size").asLong()).isEqualTo(4);
        assertThat(descriptor.get("content").isNull()).isTrue();
        assertThat(descriptor.get("fileFullName").asText()).isEqualTo("Storage\\docs\\a b.png");

        assertThat(client.get("docs/missing.png", null).statusCode()).isEqualTo(404);
        assertThat(client.get("docs/a b.png", "format=resumable").statusCode()).isEqualTo(400);
    }

    @Test
    void base64FormatCarriesTheContent() throws Exception {
        byte[] data = TestHttp.randomBytes(5000, 6);
        client.upload("b64.bin", data, 4096);

        JsonNode descriptor = JSON.readTree(client.get("b64.bin", "format=base64").body());

        assertThat(Base64.getDecoder().decode(descriptor.get("content").asText())).isEqualTo(data);
        assertThat(descriptor.get("size").asLong()).isEqualTo(5000);
        assertThat(descriptor.get("fileName").asText()).isEqualTo("b64.bin");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 20 * 1024 * 1024 + 1})
    void base64ContentIsStreamedForAnySize(int size) throws Exception {
        // every padding case, and a file larger than anything worth building in memory
        byte[] data = TestHttp.randomBytes(size, size);
        emulator.seedFile("b64/" + size + ".bin", data);

        // read as a client must read a large descriptor: streaming, base64 decoded as it is parsed
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        long reportedSize = -1;
        try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory()
                .createParser(client.get("b64/" + size + ".bin", "format=base64").body())) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("content")) {
                        parser.readBinaryValue(content);
                    } else if (field.equals("size")) {
                        reportedSize = parser.getLongValue();
                    }
                }
            }
        }
        assertThat(content.toByteArray()).isEqualTo(data);
        assertThat(reportedSize).isEqualTo(size);
    }

    @Test
    void folderListingIsFlatOrRecursive() throws Exception {
        emulator.seedFile("docs/a.txt", new byte[]{1});
        emulator.seedFile("docs/img/b.png", new byte[]{1, 2});
        emulator.seedFile("other.txt", new byte[]{1, 2, 3});

        JsonNode flat = JSON.readTree(client.get("docs", "filter=*&isRecursive=false").body());
        assertThat(names(flat)).containsExactly("Storage\\docs\\a.txt", "Storage\\docs\\img");
        assertThat(flat.get(1).get("isFolder").asBoolean()).isTrue();

        JsonNode recursive = JSON.readTree(client.get("docs", "filter=*&isRecursive=true").body());
        assertThat(names(recursive)).containsExactly("Storage\\docs\\a.txt", "Storage\\docs\\img",
                "Storage\\docs\\img\\b.png");
        assertThat(recursive.get(2).get("size").asLong()).isEqualTo(2);

        JsonNode root = JSON.readTree(TestHttp.send(TestHttp.request(emulator.portalUrl()
                + "/api/v1/storage/?filter=*&isRecursive=true").header("Authorization", client.auth()).build()).body());
        assertThat(names(root)).contains("Storage\\other.txt", "Storage\\docs\\img\\b.png");

        assertThat(client.get("docs", "filter=*&isRecursive=True").statusCode()).isEqualTo(400);
        assertThat(names(JSON.readTree(client.get("docs", "filter=*.txt&isRecursive=true").body())))
                .containsExactly("Storage\\docs\\a.txt");
    }

    // ---- journal and reset --------------------------------------------------------------------------------

    @Test
    void theJournalRecordsEveryRequestInOrder() throws Exception {
        byte[] data = TestHttp.randomBytes(20, 7);
        client.upload("j/a b.bin", data, 10);

        List<RecordedRequest> requests = emulator.journal().requests();
        assertThat(requests).extracting(RecordedRequest::method).containsExactly("POST", "PUT", "PUT");
        assertThat(requests).extracting(RecordedRequest::number).containsExactly(1, 2, 3);
        assertThat(requests).extracting(RecordedRequest::status).containsExactly(201, 202, 201);
        RecordedRequest firstPut = emulator.journal().requests("put").get(0);
        assertThat(firstPut.rawPath()).isEqualTo("/api/v1/storage/j/a%20b.bin");
        assertThat(firstPut.path()).isEqualTo("/api/v1/storage/j/a b.bin");
        assertThat(firstPut.queryParam("format")).isEqualTo("resumable");
        assertThat(firstPut.query()).isEqualTo(Map.of("format", List.of("resumable")));
        assertThat(firstPut.header("content-range")).isEqualTo("bytes 0-9/20");
        assertThat(firstPut.header("CONTENT-RANGE")).isEqualTo("bytes 0-9/20");
        assertThat(firstPut.bodyBytes()).isEqualTo(10);
        assertThat(firstPut.responseHeader("content-range")).isEqualTo("bytes 0-9/20");
        assertThat(firstPut.responseSent()).isTrue();
        assertThat(firstPut.fault()).isNull();
    }

    @Test
    void resetForgetsEverything() throws Exception {
        client.upload("gone.bin", new byte[]{1}, 1);
        client.start("partial.bin", "format=resumable");

        emulator.faults().atRequest(5, Fault.status(500));
        emulator.reset();

        assertThat(emulator.journal().size()).isZero();
        assertThat(emulator.unfinishedUploads()).isEmpty();
        assertThat(emulator.fileInfo("gone.bin")).isEmpty();
        assertThat(emulator.storedFile("gone.bin")).doesNotExist();
        assertThat(client.get("gone.bin", null).statusCode()).isEqualTo(404);
        assertThat(emulator.journal().last().number()).isEqualTo(1);
    }

    private static List<String> names(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.get("fileFullName").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
