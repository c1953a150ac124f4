package io.github.camelupload.support.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import io.github.camelupload.support.source.Chunk;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A request body that streams one chunk; repeatable, so a retried request sends the same bytes again. Its length is
 * known, so it goes with {@code Content-Length}, never chunked transfer encoding.
 */
public final class ChunkEntity extends AbstractHttpEntity {

    private final Chunk chunk;

    public ChunkEntity(Chunk chunk, ContentType contentType) {
        super(contentType, null);
        this.chunk = chunk;
    }

    @Override
    public long getContentLength() {
        return chunk.length();
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("A chunk is written with writeTo, not read");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        chunk.writeTo(out);
    }

    @Override
    public void close() {
    }
}
