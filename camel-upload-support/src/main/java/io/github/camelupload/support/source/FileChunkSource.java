package io.github.camelupload.support.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file body read by position: a chunk is only a byte range, and its bytes are streamed from the file each time the
 * chunk is written, through one small buffer. The file is never loaded whole, whatever the chunk size.
 */
public final class FileChunkSource implements ChunkSource {

    /** Big enough that the syscalls per GiB (one read and one write per buffer) cost no measurable CPU. */
    private static final int COPY_BUFFER_SIZE = 512 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final long length;
    private final SourceIdentity identity;
    private final boolean deleteOnClose;
    private final ByteBuffer copyBuffer;
    private long position;

    private FileChunkSource(Path path, boolean deleteOnClose) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "the file to upload does not exist");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("Cannot upload " + path + ": not a regular file");
        }
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.length = attributes.size();
        this.identity = new SourceIdentity(path.toAbsolutePath().normalize().toString(), length,
                attributes.lastModifiedTime().toMillis());
        this.deleteOnClose = deleteOnClose;
        // no bigger than the file: a route sending thousands of small files should not allocate 512 KiB for each
        this.copyBuffer = ByteBuffer.allocate((int) Math.max(1, Math.min(COPY_BUFFER_SIZE, length)));
    }

    /** Opens a file for reading; fails clearly when it does not exist or is not a regular file. */
    public static FileChunkSource open(Path path) throws IOException {
        return new FileChunkSource(path, false);
    }

    /** Opens a temporary file that is deleted when the source is closed. */
    public static FileChunkSource openTemporary(Path path) throws IOException {
        return new FileChunkSource(path, true);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public boolean canSeek(long offset) {
        return offset >= 0 && offset <= length;
    }

    @Override
    public void seek(long offset) throws IOException {
        if (!canSeek(offset)) {
            throw new UnseekableSourceException("Offset " + offset + " is outside " + path + " (" + length + " bytes)");
        }
        position = offset;
    }

    @Override
    public Chunk nextChunk(long maxBytes) {
        Chunks.requirePositive(maxBytes);
        if (position >= length) {
            return null;
        }
        long size = Math.min(maxBytes, length - position);
        FileRangeChunk chunk = new FileRangeChunk(position, size, position + size == length);
        position += size;
        return chunk;
    }

    @Override
    public String describe() {
        return deleteOnClose ? "spooled stream (" + length + " bytes)" : path.toString();
    }

    @Override
    public SourceIdentity identity() {
        return deleteOnClose ? null : identity;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (deleteOnClose) {
                Files.deleteIfExists(path);
            }
        }
    }

    private final class FileRangeChunk implements Chunk {
        private final long offset;
        private final long size;
        private final boolean last;

        FileRangeChunk(long offset, long size, boolean last) {
            this.offset = offset;
            this.size = size;
            this.last = last;
        }

        @Override
        public long offset() {
            return offset;
        }

        @Override
        public long length() {
            return size;
        }

        @Override
        public boolean isLast() {
            return last;
        }

        @Override
        public long totalLength() {
            return length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            long at = offset;
            long end = offset + size;
            byte[] array = copyBuffer.array();
            while (at < end) {
                copyBuffer.clear().limit((int) Math.min(array.length, end - at));
                int read = channel.read(copyBuffer, at);
                if (read < 0) {
                    throw new EOFException(path + " became shorter while it was being uploaded (ended at byte " + at
                                           + ", expected " + length + ")");
                }
                out.write(array, 0, read);
                at += read;
            }
        }

        @Override
        public String toString() {
            return "Chunk[" + offset + ".." + (offset + size) + (last ? ", last" : "") + " of " + path + "]";
        }
    }
}
