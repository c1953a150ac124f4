package io.github.camelupload.support.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * The bytes of an upload, handed out chunk by chunk without ever holding the whole body in memory.
 * <p>
 * Sources that can be read by position (files, byte arrays, resettable stream caches) seek anywhere; a one-shot
 * stream can only go back within the chunk it handed out last, and forward by skipping.
 */
public interface ChunkSource extends Closeable {

    /** Total number of bytes, or -1 while unknown (a stream of unknown length, until its end is reached). */
    long length();

    /** Offset of the next byte {@link #nextChunk(long)} will hand out. */
    long position();

    /** Whether {@link #seek(long)} to this offset would succeed. */
    boolean canSeek(long offset);

    /**
     * Moves the position so the next chunk starts at {@code offset}.
     *
     * @throws UnseekableSourceException when the source cannot go there (the message says what to send instead)
     */
    void seek(long offset) throws IOException;

    /**
     * Reads the next chunk of at most {@code maxBytes} bytes; every chunk but the last holds exactly
     * {@code maxBytes} bytes. Returns {@code null} when no byte is left (an empty source returns null at once).
     */
    Chunk nextChunk(long maxBytes) throws IOException;

    /** Where the bytes come from (file path, or a kind such as "byte[]"); never holds a secret. */
    String describe();

    /** Identity of a file-backed source, used to key persisted resume state; null for other sources. */
    default SourceIdentity identity() {
        return null;
    }

    @Override
    default void close() throws IOException {
    }
}
