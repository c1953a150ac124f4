package io.github.camelupload.contentisland;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code chunkOptions} part of a chunk request. Chunk 0 carries only the chunking; every later chunk echoes
 * {@code uploadId}, {@code multiPartUpload} and {@code filePrefix} exactly as the previous response gave them.
 *
 * @param chunkIndex      0-based index of this chunk
 * @param chunkSize       size of this chunk in bytes
 * @param totalChunks     number of chunks of the whole file
 * @param uploadId        from the previous response; null on chunk 0
 * @param multiPartUpload from the previous response, echoed verbatim (unknown fields included); null on chunk 0
 * @param filePrefix      from the previous response; null on chunk 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "chunkIndex", "chunkSize", "totalChunks", "uploadId", "multiPartUpload", "filePrefix" })
public record ChunkOptions(int chunkIndex, long chunkSize, int totalChunks, String uploadId, JsonNode multiPartUpload,
                           String filePrefix) {

    /** Whether the server finalises the upload when it receives this chunk. */
    @JsonIgnore
    public boolean isLast() {
        return chunkIndex + 1 == totalChunks;
    }
}
