package io.github.camelupload.support.source;

import java.io.IOException;
import java.io.OutputStream;

/** Small chunk implementations shared by the sources. */
final class Chunks {

    private Chunks() {
    }

    static void requirePositive(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("Chunk size must be positive, was " + maxBytes);
        }
    }

    /** A chunk whose bytes sit in an array (the body itself, or a stream source's reusable buffer). */
    record ArrayChunk(byte[] array, int arrayOffset, int size, long offset, boolean isLast, long totalLength)
            implements Chunk {

        @Override
        public long length() {
            return size;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(array, arrayOffset, size);
        }

        @Override
        public String toString() {
            return "Chunk[" + offset + ".." + (offset + size) + (isLast ? ", last" : "") + "]";
        }
    }
}
