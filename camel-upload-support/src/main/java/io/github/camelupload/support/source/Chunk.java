package io.github.camelupload.support.source;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One piece of an upload: a byte range of a {@link ChunkSource}.
 * <p>
 * A chunk can be written any number of times (a retried request sends it again) until the source is asked for the
 * next chunk; after that its bytes may be gone (a stream source reuses one buffer).
 */
public interface Chunk {

    /** Offset of the chunk's first byte in the whole upload. */
    long offset();

    /** Number of bytes in the chunk. */
    long length();

    /** Offset just past the chunk's last byte. */
    default long end() {
        return offset() + length();
    }

    /** Whether no byte follows this chunk. Always known when the chunk is handed out (read-ahead). */
    boolean isLast();

    /** Total bytes of the upload when known (always known for the last chunk), else -1. */
    long totalLength();

    /** Writes the chunk's bytes; repeatable. */
    void writeTo(OutputStream out) throws IOException;

    /** The single chunk of an empty body: a protocol that can upload 0 bytes sends it as one empty request. */
    static Chunk empty() {
        return new Chunks.ArrayChunk(new byte[0], 0, 0, 0, true, 0);
    }
}
