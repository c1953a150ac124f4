package io.github.camelupload.contentisland;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelupload.support.http.Inputs;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.TypeConversionException;

import static io.github.camelupload.contentisland.ContentIslandConstants.CHUNK_INDEX;
import static io.github.camelupload.contentisland.ContentIslandConstants.CHUNK_SIZE;
import static io.github.camelupload.contentisland.ContentIslandConstants.FILE_PREFIX;
import static io.github.camelupload.contentisland.ContentIslandConstants.MULTI_PART_UPLOAD;
import static io.github.camelupload.contentisland.ContentIslandConstants.TOTAL_CHUNKS;
import static io.github.camelupload.contentisland.ContentIslandConstants.UPLOAD_ID;
import static io.github.camelupload.contentisland.ContentIslandConstants.UPLOAD_TARGET;

/**
 * Where a chunked upload stands: the next chunk to send, the chunking, and the server's values to echo with it.
 * Immutable; the state changes only when the server confirms a chunk, so a failed chunk is re-sent with the state
 * from before it.
 * <p>
 * It travels as exchange headers and, for a state repository, as one line of JSON; both forms are checked when read,
 * since they come from outside (a broker, a file).
 *
 * @param chunkIndex      the next chunk to send (0-based)
 * @param chunkSize       bytes per chunk (every chunk but the last)
 * @param totalChunks     chunks of the whole file
 * @param uploadId        the server's value from the latest response; null before the first chunk is confirmed
 * @param multiPartUpload the server's value from the latest response, verbatim
 * @param filePrefix      the server's value from the latest response
 * @param target          where the upload goes (base URL and file name), so the state is never applied elsewhere
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "chunkIndex", "chunkSize", "totalChunks", "uploadId", "multiPartUpload", "filePrefix", "target" })
record UploadState(@JsonProperty("chunkIndex") int chunkIndex, @JsonProperty("chunkSize") long chunkSize,
                   @JsonProperty("totalChunks") int totalChunks, @JsonProperty("uploadId") String uploadId,
                   @JsonProperty("multiPartUpload") JsonNode multiPartUpload, @JsonProperty("filePrefix") String filePrefix,
                   @JsonProperty("target") String target) {

    /** A new upload: nothing sent yet. */
    static UploadState start(long chunkSize, int totalChunks, String target) {
        return new UploadState(0, chunkSize, totalChunks, null, null, null, target);
    }

    /** The state after the server confirmed chunk {@code chunkIndex} with this reply. */
    UploadState confirmed(ContentIslandClient.ChunkReply reply) {
        return new UploadState(chunkIndex + 1, chunkSize, totalChunks,
                reply.uploadId() != null ? reply.uploadId() : uploadId,
                reply.multiPartUpload() != null ? reply.multiPartUpload() : multiPartUpload,
                reply.filePrefix() != null ? reply.filePrefix() : filePrefix, target);
    }

    /** The options of the next chunk, whose length is {@code length}. */
    ChunkOptions optionsFor(long length) {
        if (chunkIndex == 0) {
            return new ChunkOptions(0, length, totalChunks, null, null, null);
        }
        return new ChunkOptions(chunkIndex, length, totalChunks, uploadId, multiPartUpload, filePrefix);
    }

    /** Offset of the next chunk's first byte. */
    long nextOffset() {
        return chunkIndex * chunkSize;
    }

    /** Whether this state describes the chunking of a body of {@code size} bytes. */
    boolean fits(long size) {
        return ContentIslandUploader.chunkCount(size, chunkSize) == totalChunks;
    }

    String toJson() {
        try {
            return ContentIslandClient.JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the upload state", e);
        }
    }

    /** Reads a state saved by {@link #toJson()}; fails with IllegalArgumentException when it is not a valid state. */
    static UploadState fromJson(String json) {
        UploadState state;
        try {
            state = ContentIslandClient.JSON.readValue(json, UploadState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The saved upload state is not valid JSON: " + e.getOriginalMessage());
        }
        state.check("saved upload state");
        return state;
    }

    /**
     * Writes the state to the message headers and to the exchange property, so it is there when the producer throws
     * (headers) and when Camel redelivers the exchange with the message restored to what it was before (property).
     */
    void writeTo(Exchange exchange) {
        writeTo(exchange.getMessage());
        exchange.setProperty(ContentIslandConstants.UPLOAD_STATE_PROPERTY, toJson());
    }

    private void writeTo(Message message) {
        message.setHeader(CHUNK_INDEX, chunkIndex);
        message.setHeader(CHUNK_SIZE, chunkSize);
        message.setHeader(TOTAL_CHUNKS, totalChunks);
        setOrRemove(message, UPLOAD_ID, uploadId);
        setOrRemove(message, FILE_PREFIX, filePrefix);
        setOrRemove(message, MULTI_PART_UPLOAD, multiPartUpload == null ? null : multiPartUpload.toString());
        setOrRemove(message, UPLOAD_TARGET, target);
    }

    private static void setOrRemove(Message message, String name, Object value) {
        if (value == null) {
            message.removeHeader(name);
        } else {
            message.setHeader(name, value);
        }
    }

    /** Removes the state headers and the exchange property. */
    static void clear(Exchange exchange) {
        for (String header : ContentIslandConstants.STATE_HEADERS) {
            exchange.getMessage().removeHeader(header);
        }
        exchange.removeProperty(ContentIslandConstants.UPLOAD_STATE_PROPERTY);
    }

    /** The state this producer left in the exchange property, or null (also when it cannot be read). */
    static UploadState fromProperty(Exchange exchange) {
        String json = exchange.getProperty(ContentIslandConstants.UPLOAD_STATE_PROPERTY, String.class);
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return fromJson(json);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Reads the state headers of a message.
     *
     * @return the state, or null when the message carries none
     * @throws IllegalArgumentException when the headers are incomplete or contradict each other
     */
    static UploadState fromHeaders(Message message) {
        Integer index = number(message, CHUNK_INDEX, Integer.class);
        Long size = number(message, CHUNK_SIZE, Long.class);
        Integer total = number(message, TOTAL_CHUNKS, Integer.class);
        String uploadId = message.getHeader(UPLOAD_ID, String.class);
        String filePrefix = message.getHeader(FILE_PREFIX, String.class);
        String multiPart = message.getHeader(MULTI_PART_UPLOAD, String.class);
        String target = message.getHeader(UPLOAD_TARGET, String.class);
        if (index == null) {
            if (size != null || total != null || uploadId != null || filePrefix != null || multiPart != null) {
                throw new IllegalArgumentException("The resume headers are incomplete: " + CHUNK_INDEX
                                                   + " is missing, but other chunked-upload state headers are set");
            }
            return null;
        }
        if (size == null || total == null) {
            throw new IllegalArgumentException("The resume headers are incomplete: " + CHUNK_INDEX + " is set, but "
                                               + (size == null ? CHUNK_SIZE : TOTAL_CHUNKS) + " is missing");
        }
        JsonNode multiPartUpload = null;
        if (multiPart != null && !multiPart.isBlank()) {
            try {
                multiPartUpload = ContentIslandClient.JSON.readTree(multiPart);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("The header " + MULTI_PART_UPLOAD + " is not valid JSON: "
                                                   + e.getOriginalMessage());
            }
        }
        UploadState state = new UploadState(index, size, total, blankToNull(uploadId), multiPartUpload,
                blankToNull(filePrefix), blankToNull(target));
        state.check("resume headers");
        return state;
    }

    /** Rejects a state whose values contradict each other. */
    private void check(String what) {
        if (chunkIndex < 0) {
            throw new IllegalArgumentException("The " + what + " are invalid: chunk index " + chunkIndex + " is negative");
        }
        if (totalChunks < 1 || totalChunks > ContentIslandConfiguration.MAX_CHUNKS) {
            throw new IllegalArgumentException("The " + what + " are invalid: totalChunks must be between 1 and "
                                               + ContentIslandConfiguration.MAX_CHUNKS + ", was " + totalChunks);
        }
        if (chunkIndex >= totalChunks) {
            throw new IllegalArgumentException("The " + what + " contradict each other: chunk index " + chunkIndex
                                               + " is beyond the last chunk (totalChunks " + totalChunks + ")");
        }
        if (chunkSize < ContentIslandConfiguration.MIN_CHUNK_SIZE || chunkSize > ContentIslandConfiguration.MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("The " + what + " are invalid: chunk size " + chunkSize + " is outside "
                                               + ContentIslandConfiguration.MIN_CHUNK_SIZE + ".."
                                               + ContentIslandConfiguration.MAX_CHUNK_SIZE);
        }
        if (chunkIndex > 0 && uploadId == null) {
            throw new IllegalArgumentException("The " + what + " contradict each other: chunk index " + chunkIndex
                                               + " says chunks were confirmed, but there is no uploadId to continue with");
        }
        if (multiPartUpload != null && !multiPartUpload.isObject()) {
            throw new IllegalArgumentException("The " + what + " are invalid: multiPartUpload must be a JSON object");
        }
        Inputs.requireNoControlCharacters("uploadId of the " + what, uploadId);
        Inputs.requireNoControlCharacters("filePrefix of the " + what, filePrefix);
    }

    private static <T> T number(Message message, String header, Class<T> type) {
        Object raw = message.getHeader(header);
        if (raw == null || (raw instanceof String text && text.isBlank())) {
            return null;
        }
        try {
            T value = message.getHeader(header, type);
            if (value == null) {
                throw new IllegalArgumentException("The header " + header + " must be a number, was a " + raw.getClass().getName());
            }
            return value;
        } catch (TypeConversionException e) {
            throw new IllegalArgumentException("The header " + header + " must be a number, was '" + abbreviate(raw) + "'");
        }
    }

    private static String abbreviate(Object raw) {
        String text = String.valueOf(raw);
        return (text.length() > 40 ? text.substring(0, 40) + "..." : text).replaceAll("\\p{Cntrl}", "?");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @Override
    public String toString() {
        return "UploadState[chunk " + chunkIndex + " of " + totalChunks + " x " + chunkSize + " bytes, uploadId=" + uploadId
               + ", filePrefix=" + filePrefix + ", target=" + target + "]";
    }
}
