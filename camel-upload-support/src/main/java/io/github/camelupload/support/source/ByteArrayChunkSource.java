package io.github.camelupload.support.source;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** A byte[] body: chunks are views of the array, nothing is copied. */
public final class ByteArrayChunkSource implements ChunkSource {

    private final byte[] bytes;
    private long position;

    public ByteArrayChunkSource(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public boolean canSeek(long offset) {
        return offset >= 0 && offset <= bytes.length;
    }

    @Override
    public void seek(long offset) throws IOException {
        if (!canSeek(offset)) {
            throw new UnseekableSourceException("Offset " + offset + " is outside the body of " + bytes.length + " bytes");
        }
        position = offset;
    }

    @Override
    public Chunk nextChunk(long maxBytes) {
        Chunks.requirePositive(maxBytes);
        if (position >= bytes.length) {
            return null;
        }
        int start = (int) position;
        int length = (int) Math.min(maxBytes, bytes.length - position);
        position += length;
        boolean last = position == bytes.length;
        return new Chunks.ArrayChunk(bytes, start, length, start, last, bytes.length);
    }

    @Override
    public String describe() {
        return "byte[" + bytes.length + "]";
    }
}
