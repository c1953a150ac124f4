package io.github.camelupload.support.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import org.apache.camel.StreamCache;

/**
 * An InputStream body, of known or unknown length, read through one reusable chunk buffer.
 * <p>
 * One byte is read ahead so the last chunk is known when it is handed out (a protocol that sends "total unknown"
 * until the end needs that). Going back is possible within the chunk handed out last (its bytes are still in the
 * buffer); further back only when the stream is a Camel {@link StreamCache}, which can be reset and skipped.
 */
public final class StreamChunkSource implements ChunkSource {

    private final InputStream in;
    private final long declaredLength;
    private final StreamCache rewindable;
    private final String description;

    private byte[] buffer;
    private long bufferStart;
    private int bufferLength;
    private long position;
    /** Bytes taken from the stream so far, the read-ahead byte included. */
    private long consumed;
    private int readAhead = -1;
    private boolean endOfStream;

    /**
     * @param in             the stream; a {@link StreamCache} that is also an InputStream can seek anywhere
     * @param declaredLength the length the exchange announced, or -1; a stream that ends elsewhere fails the upload
     */
    public StreamChunkSource(InputStream in, long declaredLength) {
        this.in = Objects.requireNonNull(in, "in");
        this.declaredLength = declaredLength < 0 ? -1 : declaredLength;
        this.rewindable = in instanceof StreamCache cache ? cache : null;
        if (rewindable != null) {
            rewindable.reset();
        }
        this.description = (rewindable != null ? "stream cache " : "stream ") + in.getClass().getSimpleName();
    }

    @Override
    public long length() {
        if (declaredLength >= 0) {
            return declaredLength;
        }
        return endOfStream ? consumed : -1;
    }

    @Override
    public long position() {
        return position;
    }

    private long bufferEnd() {
        return bufferStart + bufferLength;
    }

    @Override
    public boolean canSeek(long offset) {
        if (offset < 0 || (length() >= 0 && offset > length())) {
            return false;
        }
        return offset >= bufferStart || rewindable != null;
    }

    @Override
    public void seek(long offset) throws IOException {
        if (offset < 0 || (length() >= 0 && offset > length())) {
            throw new UnseekableSourceException("Offset " + offset + " is outside the stream of " + length() + " bytes");
        }
        if (offset >= bufferStart && offset <= bufferEnd()) {
            position = offset; // replay from the buffer
            return;
        }
        if (offset < bufferStart) {
            if (rewindable == null) {
                throw new UnseekableSourceException(
                        "Cannot go back to byte " + offset + " of a one-shot stream: bytes before " + bufferStart
                                                    + " were already sent and are gone. Send a File (or Path) body, or enable stream caching "
                                                    + "on the route, so the upload can be resumed from any byte.");
            }
            rewindable.reset();
            consumed = 0;
            readAhead = -1;
            endOfStream = false;
        }
        skipTo(offset);
    }

    private void skipTo(long offset) throws IOException {
        long toSkip = offset - consumed;
        if (readAhead >= 0) {
            toSkip++; // the read-ahead byte sits at consumed - 1 and is discarded too
            readAhead = -1;
        }
        while (toSkip > 0) {
            long skipped;
            try {
                skipped = in.skip(toSkip);
            } catch (IOException e) {
                throw closedAtFirstAccess(e);
            }
            if (skipped <= 0) {
                if (readByte() < 0) {
                    endOfStream = true;
                    throw new EOFException("Cannot skip to byte " + offset + ": the stream ended at byte " + consumed);
                }
                skipped = 1;
            }
            consumed += skipped;
            toSkip -= skipped;
        }
        bufferStart = offset;
        bufferLength = 0;
        position = offset;
    }

    @Override
    public Chunk nextChunk(long maxBytes) throws IOException {
        Chunks.requirePositive(maxBytes);
        int capacity = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        // the bytes from position on (a replay after seeking back) move to the start of the buffer
        int replay = (int) (bufferEnd() - position);
        if (replay > capacity) {
            throw new IllegalArgumentException("Chunk size shrank below the " + replay + " bytes still to replay");
        }
        int limit = prepareBuffer(capacity, replay);
        bufferStart = position;
        bufferLength = replay;

        if (readAhead >= 0 && bufferLength < limit) {
            buffer[bufferLength++] = (byte) readAhead;
            readAhead = -1;
        }
        while (bufferLength < limit && !endOfStream) {
            int read;
            try {
                read = in.read(buffer, bufferLength, limit - bufferLength);
            } catch (IOException e) {
                throw closedAtFirstAccess(e);
            }
            if (read < 0) {
                endOfStream = true;
            } else {
                bufferLength += read;
                consumed += read;
            }
        }
        if (readAhead < 0 && !endOfStream) {
            int next = readByte();
            if (next < 0) {
                endOfStream = true;
            } else {
                readAhead = next;
                consumed++;
            }
        }
        checkDeclaredLength();
        if (bufferLength == 0) {
            return null;
        }
        position = bufferEnd();
        boolean last = readAhead < 0 && endOfStream && position == consumed;
        long total = last ? position : declaredLength;
        return new Chunks.ArrayChunk(buffer, 0, bufferLength, bufferStart, last, total);
    }

    /**
     * Makes the buffer big enough for the next chunk (a stream of known length needs no more than what is left) and
     * moves the replayed bytes to its start. Returns how many bytes the chunk may hold.
     */
    private int prepareBuffer(int capacity, int replay) {
        long remaining = declaredLength >= 0 ? declaredLength - position : Long.MAX_VALUE;
        int wanted = (int) Math.max(replay, Math.min(capacity, Math.max(remaining, 1)));
        int from = (int) (position - bufferStart);
        if (buffer == null || buffer.length < wanted) {
            byte[] grown = new byte[wanted];
            if (replay > 0) {
                System.arraycopy(buffer, from, grown, 0, replay);
            }
            buffer = grown;
        } else if (replay > 0 && from > 0) {
            System.arraycopy(buffer, from, buffer, 0, replay);
        }
        return Math.min(capacity, buffer.length);
    }

    private int readByte() throws IOException {
        try {
            return in.read();
        } catch (IOException e) {
            throw closedAtFirstAccess(e);
        }
    }

    /**
     * A stream that fails its first read because it is closed (typically: an earlier delivery attempt read and
     * closed it) gets a failure that says so and what to do; any other failure stands as it is.
     */
    private IOException closedAtFirstAccess(IOException failure) {
        if (consumed > 0) {
            return failure;
        }
        ConsumedStreamException closed = OneShotStreams.closedAtFirstAccess(description, failure);
        return closed != null ? closed : failure;
    }

    private void checkDeclaredLength() throws IOException {
        if (declaredLength < 0) {
            return;
        }
        if (endOfStream && consumed < declaredLength) {
            throw new EOFException("The stream ended after " + consumed + " bytes, but its declared length is "
                                   + declaredLength + " (Content-Length / CamelFileLength header)");
        }
        if (consumed > declaredLength) {
            throw new IOException("The stream is longer than its declared length of " + declaredLength
                                  + " bytes (Content-Length / CamelFileLength header)");
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
