package io.github.camelupload.contentisland;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelupload.support.source.ByteArrayChunkSource;
import io.github.camelupload.support.source.Chunk;
import io.github.camelupload.support.source.ChunkSource;
import io.github.camelupload.support.source.FileChunkSource;
import io.github.camelupload.support.source.SourceIdentity;

/**
 * Small adaptations of the engine's chunk sources this component needs (see the module's notes: candidates for
 * camel-upload-support).
 */
final class SourceAdapters {

    private SourceAdapters() {
    }

    /**
     * A source whose whole content can be sent as one streamed, repeatable request without holding it in memory: a
     * file or a byte array as they are; a stream is copied to a temporary file (deleted when the returned source is
     * closed), since a stream source would buffer the whole body to make it repeatable.
     */
    static ChunkSource streamableWhole(ChunkSource source) throws IOException {
        if (source instanceof FileChunkSource || source instanceof ByteArrayChunkSource) {
            return source;
        }
        Path spool = Files.createTempFile("upload-spool-", ".bin");
        try (source; OutputStream out = Files.newOutputStream(spool)) {
            source.seek(0);
            for (Chunk chunk = source.nextChunk(1024 * 1024); chunk != null; chunk = source.nextChunk(1024 * 1024)) {
                chunk.writeTo(out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        return FileChunkSource.openTemporary(spool);
    }

    /**
     * Makes an empty body one empty chunk: the engine's sources hand out no chunk at all for zero bytes, but an empty
     * file is still uploaded with one request.
     */
    static ChunkSource oneChunkWhenEmpty(ChunkSource source) {
        return source.length() == 0 ? new EmptySource(source) : source;
    }

    private static final class EmptySource implements ChunkSource {
        private final ChunkSource delegate;
        private boolean handedOut;

        EmptySource(ChunkSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public long length() {
            return 0;
        }

        @Override
        public long position() {
            return 0;
        }

        @Override
        public boolean canSeek(long offset) {
            return offset == 0;
        }

        @Override
        public void seek(long offset) throws IOException {
            if (offset != 0) {
                throw new IOException("Offset " + offset + " is outside an empty body");
            }
            handedOut = false;
        }

        @Override
        public Chunk nextChunk(long maxBytes) {
            if (handedOut) {
                return null;
            }
            handedOut = true;
            return EMPTY_CHUNK;
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

    private static final Chunk EMPTY_CHUNK = new Chunk() {
        @Override
        public long offset() {
            return 0;
        }

        @Override
        public long length() {
            return 0;
        }

        @Override
        public boolean isLast() {
            return true;
        }

        @Override
        public long totalLength() {
            return 0;
        }

        @Override
        public void writeTo(OutputStream out) {
        }

        @Override
        public String toString() {
            return "Chunk[0..0, last, empty]";
        }
    };
}
