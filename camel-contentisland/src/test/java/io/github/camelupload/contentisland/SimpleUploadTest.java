package io.github.camelupload.contentisland;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelupload.emulators.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleUploadTest extends ContentIslandTestSupport {

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(longs = { 1, 3 * 1024 * 1024, 50 * 1024 * 1024, 0 })
    void storesTheFileWithOneRequest(long size) throws Exception {
        Path file = TestFiles.create(tmp, "cover-image.png", size, size);

        Exchange result = upload(uri("uploadMode=simple"), file.toFile(), Map.of());

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        assertThat(posts()).singleElement().satisfies(request -> {
            assertThat(request.chunkUpload()).isFalse();
            assertThat(request.header("X-Chunk-Upload")).isNull();
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + emulator().writeToken());
            assertThat(request.header("Content-Type")).startsWith("multipart/form-data");
            assertThat(request.header("Content-Length")).as("streamed with a known length").isNotNull();
            assertThat(request.parts()).singleElement().isEqualTo(
                    new RecordedRequest.PartInfo("file", "cover-image.png", "image/png", size));
            assertThat(request.chunkOptions()).isNull();
        });
        assertThat(result.getMessage().getBody(UploadedResource.class).getName()).endsWith("-cover-image.png");
        assertNoStateHeaders(result);
    }

    @Test
    void a390MegabyteFileIsStreamedAsOneRequestInAutoMode() throws Exception {
        Path file = TestFiles.create(tmp, "film.mp4", 390_000_000L, 390);
        try {
            Exchange result = upload(uri(""), file, Map.of());

            assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
            assertThat(posts()).singleElement().satisfies(r -> {
                assertThat(r.chunkUpload()).isFalse();
                assertThat(r.part("file").orElseThrow().size()).isEqualTo(390_000_000L);
            });
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void autoModeSendsAFileWithinTheLimitAsOneRequest() throws Exception {
        Path file = TestFiles.create(tmp, "small.bin", 3 * TestFiles.MIB, 7);

        Exchange result = upload(uri(""), file, Map.of());

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        assertThat(posts()).singleElement().satisfies(r -> assertThat(r.parts()).extracting(p -> p.name()).containsExactly("file"));
    }

    @Test
    void theStoredResourceIsServedAtTheReturnedUrl() throws Exception {
        byte[] body = TestFiles.bytes(100_000, 3);

        Exchange result = upload(uri("fileName=data.bin"), body, Map.of());

        UploadedResource resource = result.getMessage().getBody(UploadedResource.class);
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(resource.getUrl())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(TestFiles.sha256(download.body())).isEqualTo(TestFiles.sha256(body));
    }

    @Test
    void contentTypeComesFromTheExchangeThenTheFileNameThenDefaults() {
        byte[] body = TestFiles.bytes(10, 1);

        upload(uri(""), body, Map.of(ContentIslandConstants.FILE_NAME, "a.png", Exchange.CONTENT_TYPE, "image/webp"));
        upload(uri(""), body, Map.of(ContentIslandConstants.FILE_NAME, "b.pdf"));
        upload(uri(""), body, Map.of(ContentIslandConstants.FILE_NAME, "c.webp"));
        upload(uri(""), body, Map.of(ContentIslandConstants.FILE_NAME, "d.unknownext"));
        upload(uri(""), body, Map.of(ContentIslandConstants.FILE_NAME, "noextension"));

        assertThat(posts()).extracting(r -> r.parts().get(0).contentType()).containsExactly(
                "image/webp", "application/pdf", "image/webp", "application/octet-stream", "application/octet-stream");
    }

    @Test
    void fileNameComesFromTheHeaderThenTheOptionThenCamelFileName() {
        byte[] body = TestFiles.bytes(10, 1);

        upload(uri("fileName=option.txt"), body, Map.of(ContentIslandConstants.FILE_NAME, "header.txt",
                Exchange.FILE_NAME, "dir/camel.txt"));
        upload(uri("fileName=option.txt"), body, Map.of(Exchange.FILE_NAME, "dir/camel.txt"));
        upload(uri(""), body, Map.of(Exchange.FILE_NAME, "dir/sub\\camel.txt"));

        assertThat(posts()).extracting(r -> r.parts().get(0).fileName())
                .containsExactly("header.txt", "option.txt", "camel.txt");
    }

    @Test
    void aNonAsciiFileNameArrivesIntact() {
        String name = "Überblick – café \"2024\".pdf";

        upload(uri(""), TestFiles.bytes(10, 1), Map.of(ContentIslandConstants.FILE_NAME, name));

        assertThat(posts().get(0).parts().get(0).fileName()).isEqualTo(name);
    }
}
