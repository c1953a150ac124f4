package io.github.camelupload.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The ContentIsland calls the tests make, over plain HTTP. */
final class ContentIslandClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private final ContentIslandEmulator emulator;

    ContentIslandClient(ContentIslandEmulator emulator) {
        this.emulator = emulator;
    }

    HttpResponse<String> post(TestHttp.Multipart body, boolean chunked, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = TestHttp.request(emulator.baseUrl() + "/resource/upload")
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.body()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (chunked) {
            request.header("X-Chunk-Upload", "true");
        }
        return TestHttp.send(request.build());
    }

    HttpResponse<String> simple(String fileName, byte[] data) throws IOException, InterruptedException {
        return post(new TestHttp.Multipart().file("file", fileName, "application/octet-stream", data), false,
                emulator.writeToken());
    }

    HttpResponse<String> chunk(String chunkOptions, String fileName, byte[] chunk)
            throws IOException, InterruptedException {
        return post(new TestHttp.Multipart()
                .field("chunkOptions", chunkOptions)
                .file("chunk", fileName, "application/octet-stream", chunk), true, emulator.writeToken());
    }

    /** chunkOptions for chunk {@code index}, echoing {@code previous} (the previous progress answer) if given. */
    static String options(int index, long size, int total, JsonNode previous) {
        ObjectNode options = JSON.createObjectNode().put("chunkIndex", index).put("chunkSize", size)
                .put("totalChunks", total);
        if (previous != null) {
            options.set("uploadId", previous.get("uploadId"));
            options.set("multiPartUpload", previous.get("multiPartUpload"));
            options.set("filePrefix", previous.get("filePrefix"));
        }
        return options.toString();
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** A whole chunked upload; every answer must be 201; returns the final {name, url}. */
    JsonNode uploadChunked(String fileName, byte[] data, int chunkSize) throws IOException, InterruptedException {
        int total = Math.max(1, (data.length + chunkSize - 1) / chunkSize);
        JsonNode previous = null;
        for (int index = 0; index < total; index++) {
            byte[] chunk = TestHttp.slice(data, (long) index * chunkSize,
                    Math.min(data.length, (long) (index + 1) * chunkSize));
            HttpResponse<String> response = chunk(options(index, chunk.length, total, previous), fileName, chunk);
            assertThat(response.statusCode()).as("chunk %d: %s", index, response.body()).isEqualTo(201);
            previous = json(response);
        }
        return previous;
    }
}
