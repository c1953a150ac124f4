package io.github.camelupload.clickhelp;

import java.io.IOException;

import io.github.camelupload.support.source.Chunk;
import io.github.camelupload.support.source.ChunkSource;
import io.github.camelupload.support.source.SourceIdentity;

/**
 * Stops a source of unknown length as soon as it passes {@code maxFileSize}, before the chunk that passes it is sent.
 * (A source of known length is checked once, before any request.)
 */
final class SizeLimitedChunkSource implements ChunkSource {

    private final ChunkSource delegate;
    private final long maxFileSize;
    private final String target;

    SizeLimitedChunkSource(ChunkSource delegate, long maxFileSize, String target) {
        this.delegate = delegate;
        this.maxFileSize = maxFileSize;
        this.target = target;
    }

    static IllegalArgumentException tooLarge(long length, long maxFileSize, String target) {
        return new IllegalArgumentException("The message body has " + length + " bytes, more than maxFileSize ("
                                            + maxFileSize + " bytes): it is not uploaded to " + target);
    }

    @Override
    public Chunk nextChunk(long maxBytes) throws IOException {
        Chunk chunk = delegate.nextChunk(maxBytes);
        if (chunk != null && chunk.end() > maxFileSize) {
            throw new IllegalArgumentException("The message body (a stream of unknown length) passed maxFileSize ("
                                               + maxFileSize + " bytes) after " + chunk.end()
                                               + " bytes: the upload to " + target + " stops here");
        }
        return chunk;
    }

    @Override
    public long length() {
        return delegate.length();
    }

    @Override
    public long position() {
        return delegate.position();
    }

    @Override
    public boolean canSeek(long offset) {
        return delegate.canSeek(offset);
    }

    @Override
    public void seek(long offset) throws IOException {
        delegate.seek(offset);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public SourceIdentity identity() {
        return delegate.identity();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
