package io.github.camelupload.contentisland;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelupload.emulators.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelupload.contentisland.TestFiles.FIVE_MIB;
import static io.github.camelupload.contentisland.TestFiles.MIB;
import static org.assertj.core.api.Assertions.assertThat;

class ChunkedUploadTest extends ContentIslandTestSupport {

    /** Chunk-size multiples and their off-by-one neighbours, one chunk and several. */
    @ParameterizedTest(name = "{0} bytes in chunks of 5 MiB")
    @ValueSource(longs = { 1, FIVE_MIB - 1, FIVE_MIB, FIVE_MIB + 1, 2 * FIVE_MIB - 1, 2 * FIVE_MIB, 3 * FIVE_MIB + 1 })
    void storesTheFileChunkByChunkEchoingTheServerState(long size) throws Exception {
        Path file = TestFiles.create(tmp, "video.mp4", size, size);

        Exchange result = upload(uri("uploadMode=chunked&chunkSize=" + FIVE_MIB), file, Map.of());

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        assertChunkSequence(result, Content.of(file), FIVE_MIB);
        assertThat(posts()).allSatisfy(request -> {
            assertThat(request.header("X-Chunk-Upload")).isEqualTo("true");
            assertThat(request.parts()).extracting(RecordedRequest.PartInfo::name).containsExactly("chunkOptions", "chunk");
            RecordedRequest.PartInfo chunk = request.part("chunk").orElseThrow();
            assertThat(chunk.fileName()).isEqualTo("video.mp4");
            assertThat(chunk.contentType()).isEqualTo("video/mp4");
        });
        assertThat(result.getMessage().getBody(UploadedResource.class).getName()).endsWith("-video.mp4");
        assertNoStateHeaders(result);
        assertThat(emulator().unfinishedUploads()).isEmpty();
    }

    @Test
    void anEmptyFileIsOneEmptyChunk() throws Exception {
        Path file = Files.createFile(tmp.resolve("empty.txt"));

        Exchange result = upload(uri("uploadMode=chunked"), file, Map.of());

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        assertThat(posts()).extracting(RecordedRequest::chunkOptions)
                .containsExactly("{\"chunkIndex\":0,\"chunkSize\":0,\"totalChunks\":1}");
    }

    @Test
    void uploads200MiBInTheDefaultChunksOf8MiB() throws Exception {
        Path file = TestFiles.create(tmp, "archive.zip", 200 * MIB, 200);
        try {
            Exchange result = upload(uri("uploadMode=chunked"), file, Map.of());

            assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
            assertThat(posts()).hasSize(25);
            assertChunkSequence(result, Content.of(file), ContentIslandConfiguration.DEFAULT_CHUNK_SIZE);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theHeaderOverridesTheUploadModeOption() throws Exception {
        byte[] body = TestFiles.bytes(1000, 5);

        Exchange result = upload(uri("uploadMode=simple"), body,
                Map.of(ContentIslandConstants.FILE_NAME, "x.bin", ContentIslandConstants.UPLOAD_MODE, "chunked"));

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(body));
        assertChunkSequence(result, Content.of(body), FIVE_MIB);
    }

    @Test
    void chunkSizeGrowsWhenTheFileWouldNeedMoreThan10000Chunks() {
        long min = ContentIslandConfiguration.MIN_CHUNK_SIZE;
        assertThat(ContentIslandUploader.chunkSizeFor(10_000 * min, min)).isEqualTo(min);
        long grown = ContentIslandUploader.chunkSizeFor(10_000 * min + 1, min);
        assertThat(grown).isEqualTo(min + MIB);
        assertThat(ContentIslandUploader.chunkCount(10_000 * min + 1, grown)).isLessThanOrEqualTo(10_000);
        long hundredGb = 100_000_000_000L;
        long forHundredGb = ContentIslandUploader.chunkSizeFor(hundredGb, ContentIslandConfiguration.DEFAULT_CHUNK_SIZE);
        assertThat(forHundredGb % MIB).isZero();
        assertThat(ContentIslandUploader.chunkCount(hundredGb, forHundredGb)).isLessThanOrEqualTo(10_000);
        assertThat(ContentIslandUploader.chunkSizeFor(4_000_000_000_000L, min)).isEqualTo(400_000_000L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContentIslandUploader.chunkSizeFor(4_000_000_000_001L, min))
                .hasMessageContaining("too large");
    }
}
