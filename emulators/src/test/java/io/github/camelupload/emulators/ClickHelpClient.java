package io.github.camelupload.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The few ClickHelp calls the tests make, over plain HTTP. Paths are given decoded and encoded here. */
final class ClickHelpClient {

    private final ClickHelpEmulator emulator;

    ClickHelpClient(ClickHelpEmulator emulator) {
        this.emulator = emulator;
    }

    String url(String rawPath, String query) {
        return emulator.portalUrl() + "/api/v1/storage/" + rawPath + (query == null ? "" : "?" + query);
    }

    String auth() {
        return TestHttp.basic(emulator.username(), emulator.apiKey());
    }

    HttpResponse<String> start(String path, String query) throws IOException, InterruptedException {
        return startRaw(TestHttp.encodePath(path), query);
    }

    HttpResponse<String> startRaw(String rawPath, String query) throws IOException, InterruptedException {
        return TestHttp.send(TestHttp.request(url(rawPath, query))
                .header("Authorization", auth())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    HttpResponse<String> put(String path, String contentRange, byte[] body) throws IOException, InterruptedException {
        return TestHttp.send(putRequest(path, contentRange, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpRequest putRequest(String path, String contentRange, HttpRequest.BodyPublisher body) {
        return TestHttp.request(url(TestHttp.encodePath(path), "format=resumable"))
                .header("Authorization", auth())
                .header("Content-Range", contentRange)
                .PUT(body)
                .build();
    }

    HttpResponse<String> get(String path, String query) throws IOException, InterruptedException {
        return TestHttp.send(TestHttp.request(url(TestHttp.encodePath(path), query))
                .header("Authorization", auth())
                .GET()
                .build());
    }

    /** Puts {@code from..to-1} of {@code data} as one chunk of a file of {@code data.length} bytes. */
    HttpResponse<String> putChunk(String path, byte[] data, long from, long to) throws IOException, InterruptedException {
        return put(path, range(from, to, data.length), TestHttp.slice(data, from, to));
    }

    static String range(long from, long to, long total) {
        return "bytes " + from + "-" + (to - 1) + "/" + total;
    }

    /** A whole upload in chunks of {@code chunkSize}; every answer but the last must be 202. */
    HttpResponse<String> upload(String path, byte[] data, int chunkSize) throws IOException, InterruptedException {
        assertThat(start(path, "format=resumable&isOverwrite=true").statusCode()).isEqualTo(201);
        HttpResponse<String> response = null;
        for (long from = 0; from < data.length; from += chunkSize) {
            long to = Math.min(data.length, from + chunkSize);
            response = putChunk(path, data, from, to);
            if (to < data.length) {
                assertThat(response.statusCode()).as("chunk ending at %d", to).isEqualTo(202);
                assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 0-" + (to - 1) + "/"
                        + data.length);
            }
        }
        return response;
    }
}
