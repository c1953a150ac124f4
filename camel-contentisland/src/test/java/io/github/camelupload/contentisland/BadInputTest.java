package io.github.camelupload.contentisland;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelupload.contentisland.ContentIslandConstants.CHUNK_INDEX;
import static io.github.camelupload.contentisland.ContentIslandConstants.CHUNK_SIZE;
import static io.github.camelupload.contentisland.ContentIslandConstants.MULTI_PART_UPLOAD;
import static io.github.camelupload.contentisland.ContentIslandConstants.TOTAL_CHUNKS;
import static io.github.camelupload.contentisland.ContentIslandConstants.UPLOAD_ID;
import static io.github.camelupload.contentisland.TestFiles.FIVE_MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad configuration fails when the endpoint is created, bad input before the first request; the message says why. */
class BadInputTest extends ContentIslandTestSupport {

    @AfterEach
    void noRequestWasSent() {
        assertThat(emulator().journal().requests()).isEmpty();
    }

    private void assertEndpointFails(String uri, String message) {
        assertThatThrownBy(() -> context.getEndpoint(uri)).isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aMissingTokenFailsTheEndpoint() {
        assertEndpointFails("contentisland:upload?baseUrl=" + emulator().baseUrl(), "The option token is required");
        assertEndpointFails("contentisland:upload?token=&baseUrl=" + emulator().baseUrl(), "The option token is required");
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, 5_242_879, 400_000_001 })
    void aChunkSizeOutOfRangeFailsTheEndpoint(long chunkSize) {
        assertEndpointFails(uri("chunkSize=" + chunkSize),
                "The option chunkSize must be between 5242880 (5 MiB) and 400000000 bytes, was " + chunkSize);
    }

    @Test
    void theChunkSizeLimitsThemselvesAreAccepted() {
        assertThat(context.getEndpoint(uri("chunkSize=5242880"))).isNotNull();
        assertThat(context.getEndpoint(uri("chunkSize=400000000"))).isNotNull();
        assertThat(context.getEndpoint(uri("simpleUploadLimit=419430400"))).isNotNull();
    }

    @Test
    void aSimpleUploadLimitOver400MiBFailsTheEndpoint() {
        assertEndpointFails(uri("simpleUploadLimit=419430401"),
                "The option simpleUploadLimit must be between 0 and 419430400 bytes (400 MiB), was 419430401");
    }

    @Test
    void otherBadOptionsFailTheEndpoint() {
        assertEndpointFails(uri("uploadMode=sometimes"), "sometimes");
        assertEndpointFails("contentisland:download?token=x", "Unknown operation 'download'");
        assertEndpointFails("contentisland:upload?token=x&baseUrl=http://example.com/api", "plain http://");
        assertEndpointFails(uri("maxRetries=-1"), "maxRetries");
    }

    @Test
    void simpleModeWithABodyOverTheLimitFailsBeforeAnyRequest() {
        Exchange result = send(uri("uploadMode=simple&simpleUploadLimit=1000&fileName=a.bin"), new byte[1001], Map.of());

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessage(
                "The body has 1001 bytes, more than the simpleUploadLimit of 1000 bytes allowed in uploadMode=simple: "
                                                                              + "use uploadMode=chunked or auto");
    }

    @Test
    void aNullBodyFailsBeforeAnyRequest() {
        Exchange result = send(uri("fileName=a.bin"), null, Map.of());

        assertThat(result.getException()).hasMessageContaining("The message body is null: there is nothing to upload");
    }

    @Test
    void noFileNameFailsBeforeAnyRequest() {
        Exchange result = send(uri(""), new byte[10], Map.of());

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessage(
                "No file name for the upload: set the header CamelContentIslandFileName or the option fileName, "
                                                                              + "or send a file (header CamelFileName)");
    }

    @Test
    void badHeadersFailBeforeAnyRequest() {
        assertThat(send(uri("fileName=a.bin"), new byte[10], Map.of(ContentIslandConstants.UPLOAD_MODE, "fast"))
                .getException()).hasMessage("The header CamelContentIslandUploadMode must be one of auto, simple or chunked, was 'fast'");
        assertThat(send(uri(""), new byte[10], Map.of(ContentIslandConstants.FILE_NAME, "a\r\nX-Evil: 1"))
                .getException()).hasMessageContaining("header CamelContentIslandFileName contains a control character");
        assertThat(send(uri("fileName=a.bin"), new byte[10], Map.of(Exchange.CONTENT_TYPE, "text/plain\r\nX-Evil: 1"))
                .getException()).hasMessageContaining("header Content-Type contains a control character");
    }

    static Stream<Arguments> contradictions() {
        return Stream.of(
                Arguments.of(Map.of(CHUNK_INDEX, 5, TOTAL_CHUNKS, 3, CHUNK_SIZE, FIVE_MIB, UPLOAD_ID, "u"),
                        "chunk index 5 is beyond the last chunk (totalChunks 3)"),
                Arguments.of(Map.of(CHUNK_INDEX, 3, TOTAL_CHUNKS, 3, CHUNK_SIZE, FIVE_MIB, UPLOAD_ID, "u"),
                        "chunk index 3 is beyond the last chunk (totalChunks 3)"),
                Arguments.of(Map.of(CHUNK_INDEX, -1, TOTAL_CHUNKS, 3, CHUNK_SIZE, FIVE_MIB), "chunk index -1 is negative"),
                Arguments.of(Map.of(CHUNK_INDEX, 1, TOTAL_CHUNKS, 3, CHUNK_SIZE, FIVE_MIB),
                        "there is no uploadId to continue with"),
                Arguments.of(Map.of(CHUNK_INDEX, 1, UPLOAD_ID, "u"), "CamelContentIslandChunkSize is missing"),
                Arguments.of(Map.of(CHUNK_INDEX, 1, CHUNK_SIZE, FIVE_MIB, UPLOAD_ID, "u"), "CamelContentIslandTotalChunks is missing"),
                Arguments.of(Map.of(UPLOAD_ID, "u"), "CamelContentIslandChunkIndex is missing"),
                Arguments.of(Map.of(CHUNK_INDEX, "two", TOTAL_CHUNKS, 3, CHUNK_SIZE, FIVE_MIB),
                        "The header CamelContentIslandChunkIndex must be a number, was 'two'"),
                Arguments.of(Map.of(CHUNK_INDEX, 1, TOTAL_CHUNKS, 3, CHUNK_SIZE, 1000, UPLOAD_ID, "u"),
                        "chunk size 1000 is outside 5242880..400000000"),
                Arguments.of(Map.of(CHUNK_INDEX, 1, TOTAL_CHUNKS, 10_001, CHUNK_SIZE, FIVE_MIB, UPLOAD_ID, "u"),
                        "totalChunks must be between 1 and 10000"),
                Arguments.of(Map.of(CHUNK_INDEX, 1, TOTAL_CHUNKS, 3, CHUNK_SIZE, FIVE_MIB, UPLOAD_ID, "u",
                        MULTI_PART_UPLOAD, "{\"Parts\": ["), "The header CamelContentIslandMultiPartUpload is not valid JSON"),
                Arguments.of(Map.of(CHUNK_INDEX, 1, TOTAL_CHUNKS, 3, CHUNK_SIZE, FIVE_MIB, UPLOAD_ID, "u",
                        MULTI_PART_UPLOAD, "[1,2]"), "multiPartUpload must be a JSON object"));
    }

    @ParameterizedTest
    @MethodSource("contradictions")
    void resumeHeadersThatContradictEachOtherFailBeforeAnyRequest(Map<String, Object> headers, String message) {
        Map<String, Object> all = new HashMap<>(headers);
        all.put(ContentIslandConstants.FILE_NAME, "a.bin");

        Exchange result = send(uri("uploadMode=chunked"), new byte[(int) (2 * FIVE_MIB)], all);

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
