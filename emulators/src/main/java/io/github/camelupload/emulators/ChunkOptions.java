package io.github.camelupload.emulators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code chunkOptions} JSON of a ContentIsland chunk. The three state fields are null when absent (an explicit
 * JSON null counts as absent).
 */
record ChunkOptions(int chunkIndex, long chunkSize, int totalChunks, String uploadId, JsonNode multiPartUpload,
                    String filePrefix) {

    static final int MAX_CHUNKS = 10_000;

    /** Parses and checks the fields; the exception message is meant for the client. */
    static ChunkOptions parse(ObjectMapper json, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a JSON object is expected");
        }
        int totalChunks = (int) integral(root, "totalChunks", 1, MAX_CHUNKS);
        int chunkIndex = (int) integral(root, "chunkIndex", 0, totalChunks - 1);
        long chunkSize = integral(root, "chunkSize", 0, Long.MAX_VALUE);
        JsonNode multiPartUpload = present(root, "multiPartUpload");
        if (multiPartUpload != null && !multiPartUpload.isObject()) {
            throw new IllegalArgumentException("multiPartUpload must be an object");
        }
        return new ChunkOptions(chunkIndex, chunkSize, totalChunks, text(root, "uploadId"), multiPartUpload,
                text(root, "filePrefix"));
    }

    boolean hasAnyState() {
        return uploadId != null || multiPartUpload != null || filePrefix != null;
    }

    boolean hasAllState() {
        return uploadId != null && multiPartUpload != null && filePrefix != null;
    }

    private static long integral(JsonNode root, String field, long min, long max) {
        JsonNode node = root.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " is " + value + ", it must be within " + min + ".." + max);
        }
        return value;
    }

    private static JsonNode present(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = present(root, field);
        if (node != null && !node.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return node == null ? null : node.textValue();
    }
}
