package io.github.camelupload.contentisland;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelupload.emulators.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelupload.contentisland.TestFiles.FIVE_MIB;
import static org.assertj.core.api.Assertions.assertThat;

/** auto picks simple up to simpleUploadLimit and chunked beyond; a small limit on both sides keeps the files small. */
class AutoModeTest extends ContentIslandTestSupport {

    private static final long LIMIT = 6 * 1024 * 1024;

    @BeforeEach
    void smallLimit() {
        emulator().simpleUploadLimit(LIMIT);
    }

    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({ "6291455, simple", "6291456, simple", "6291457, chunked", "10485760, chunked", "0, simple" })
    void choosesTheModeBySize(long size, String expectedMode) throws Exception {
        Path file = TestFiles.create(tmp, "doc.pdf", size, size);

        Exchange result = upload(uri("simpleUploadLimit=" + LIMIT + "&chunkSize=" + FIVE_MIB), file, Map.of());

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        if (expectedMode.equals("simple")) {
            assertThat(posts()).singleElement().satisfies(r -> {
                assertThat(r.chunkUpload()).isFalse();
                assertThat(r.parts()).extracting(RecordedRequest.PartInfo::name).containsExactly("file");
            });
        } else {
            assertChunkSequence(result, Content.of(file), FIVE_MIB);
        }
    }

    @ParameterizedTest(name = "stream of unknown length, {0} bytes -> {1}")
    @CsvSource({ "6291456, simple", "6291457, chunked" })
    void aStreamOfUnknownLengthIsSpooledToLearnItsSize(int size, String expectedMode) throws Exception {
        byte[] body = TestFiles.bytes(size, size);

        Exchange result = upload(uri("simpleUploadLimit=" + LIMIT + "&chunkSize=" + FIVE_MIB), new ByteArrayInputStream(body),
                Map.of(ContentIslandConstants.FILE_NAME, "stream.bin"));

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(body));
        assertThat(posts()).allSatisfy(r -> assertThat(r.chunkUpload()).isEqualTo(expectedMode.equals("chunked")));
        assertThat(posts()).hasSize(expectedMode.equals("chunked") ? 2 : 1);
    }
}
