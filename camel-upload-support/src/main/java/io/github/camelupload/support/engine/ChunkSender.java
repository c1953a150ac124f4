package io.github.camelupload.support.engine;

import io.github.camelupload.support.source.Chunk;

/**
 * One protocol's request for one chunk. It throws {@link org.apache.camel.http.base.HttpOperationFailedException}
 * for an error status and {@link java.io.IOException} for a transport failure; the {@link ChunkUploader} decides
 * whether to send the chunk again.
 */
@FunctionalInterface
public interface ChunkSender<R> {

    ChunkOutcome<R> send(Chunk chunk) throws Exception;
}
