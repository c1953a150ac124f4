package io.github.camelupload.contentisland;

import java.io.IOException;
import java.io.OutputStream;

import io.github.camelupload.support.source.Chunk;

import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.core5.http.ContentType;

/**
 * A multipart file part that streams one {@link Chunk}: its length is known (so the request has a Content-Length)
 * and it can be written again when the request is retried.
 */
final class ChunkContentBody extends AbstractContentBody {

    private final Chunk chunk;
    private final String fileName;

    ChunkContentBody(Chunk chunk, ContentType contentType, String fileName) {
        super(contentType);
        this.chunk = chunk;
        this.fileName = fileName;
    }

    @Override
    public String getFilename() {
        return fileName;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        chunk.writeTo(out);
    }

    @Override
    public long getContentLength() {
        return chunk.length();
    }
}
