package io.github.camelupload.emulators;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One ContentIsland chunked upload in progress, modelled on an S3 multipart upload: parts numbered from 1, each
 * with the MD5 ETag S3 would give it, kept as files under {@link #partsDir} (in counting mode: only counted, no
 * files, and ETags that merely identify the part). Guarded by its own monitor.
 */
final class ChunkedUpload {

    /** One stored part. */
    record Part(int partNumber, String etag, Path file, long size) {
    }

    final String uploadId;
    final String filePrefix;
    final int totalChunks;
    final String fileName;
    final Path partsDir;
    /** parts.get(i) holds chunk i. */
    final List<Part> parts = new ArrayList<>();
    /** Counting mode: SHA-256 of the chunks before the latest one (a resend of the latest continues it). */
    MessageDigest digestBeforeLatest = Hashing.sha256();
    /** Counting mode: SHA-256 of all chunks so far. */
    MessageDigest digestAfterLatest = Hashing.sha256();

    ChunkedUpload(String uploadId, String filePrefix, int totalChunks, String fileName, Path partsDir) {
        this.uploadId = uploadId;
        this.filePrefix = filePrefix;
        this.totalChunks = totalChunks;
        this.fileName = fileName;
        this.partsDir = partsDir;
    }

    int latestIndex() {
        return parts.size() - 1;
    }

    /** The {@code multiPartUpload} object listing the first {@code count} parts. */
    ObjectNode multiPartUpload(int count) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        var list = node.putArray("Parts");
        for (Part part : parts.subList(0, count)) {
            list.addObject().put("ETag", part.etag()).put("PartNumber", part.partNumber());
        }
        return node;
    }

    /** The chunk-progress answer: what the next chunk must echo. */
    ObjectNode progress() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("uploadId", uploadId);
        node.set("multiPartUpload", multiPartUpload(parts.size()));
        node.put("filePrefix", filePrefix);
        return node;
    }
}
