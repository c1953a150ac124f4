package io.github.camelupload.support.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.apache.camel.converter.stream.InputStreamCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Going back to the byte a server says it holds: anywhere for files and caches, within the last chunk for streams. */
class SeekTest {

    static final int CHUNK = 10;
    final byte[] bytes = bytes(55);

    @TempDir
    Path dir;

    static byte[] bytes(int size) {
        byte[] b = new byte[size];
        new Random(42).nextBytes(b);
        return b;
    }

    static byte[] content(Chunk chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunk.writeTo(out);
        return out.toByteArray();
    }

    void assertChunkAt(ChunkSource source, long offset, int expectedLength) throws IOException {
        Chunk chunk = source.nextChunk(CHUNK);
        assertThat(chunk.offset()).isEqualTo(offset);
        assertThat(content(chunk)).isEqualTo(Arrays.copyOfRange(bytes, (int) offset, (int) offset + expectedLength));
    }

    @Test
    void fileSeeksAnywhere() throws Exception {
        Path file = Files.write(dir.resolve("f.bin"), bytes);
        try (ChunkSource source = FileChunkSource.open(file)) {
            source.nextChunk(CHUNK);
            source.nextChunk(CHUNK);
            source.nextChunk(CHUNK);
            assertThat(source.canSeek(3)).isTrue();
            source.seek(3);
            assertChunkAt(source, 3, CHUNK);
            source.seek(50);
            assertChunkAt(source, 50, 5);
            assertThat(source.canSeek(56)).isFalse();
        }
    }

    @Test
    void byteArraySeeksAnywhere() throws Exception {
        try (ChunkSource source = new ByteArrayChunkSource(bytes)) {
            source.nextChunk(CHUNK);
            source.nextChunk(CHUNK);
            source.seek(1);
            assertChunkAt(source, 1, CHUNK);
        }
    }

    @Test
    void oneShotStreamReplaysWithinItsLastChunkAndTopsTheChunkUp() throws Exception {
        try (ChunkSource source = new StreamChunkSource(new ByteArrayInputStream(bytes), -1)) {
            source.nextChunk(CHUNK);
            source.nextChunk(CHUNK); // 10..20 is in the buffer
            assertThat(source.canSeek(14)).isTrue();
            source.seek(14); // the server kept only 4 bytes of the chunk
            assertChunkAt(source, 14, CHUNK); // 14..24: replayed bytes plus fresh ones, still a full chunk
            assertChunkAt(source, 24, CHUNK);
        }
    }

    @Test
    void oneShotStreamRefusesToGoBackFurtherAndSaysWhatToDo() throws Exception {
        try (ChunkSource source = new StreamChunkSource(new ByteArrayInputStream(bytes), bytes.length)) {
            source.nextChunk(CHUNK);
            source.nextChunk(CHUNK);
            assertThat(source.canSeek(5)).isFalse();
            assertThatThrownBy(() -> source.seek(5))
                    .isInstanceOf(UnseekableSourceException.class)
                    .hasMessageContaining("one-shot stream")
                    .hasMessageContaining("File")
                    .hasMessageContaining("stream caching");
        }
    }

    @Test
    void oneShotStreamSkipsForwardToResumeAtAnOffset() throws Exception {
        try (ChunkSource source = new StreamChunkSource(new ByteArrayInputStream(bytes), bytes.length)) {
            source.seek(37);
            assertChunkAt(source, 37, CHUNK);
            assertChunkAt(source, 47, 8);
            assertThat(source.nextChunk(CHUNK)).isNull();
        }
    }

    @Test
    void streamSkippingPastItsEndFailsClearly() {
        ChunkSource source = new StreamChunkSource(new ByteArrayInputStream(bytes), -1);
        assertThatThrownBy(() -> source.seek(100)).isInstanceOf(IOException.class).hasMessageContaining("ended at byte 55");
    }

    @Test
    void streamCacheRewindsAnywhere() throws Exception {
        try (ChunkSource source = new StreamChunkSource(new InputStreamCache(bytes), bytes.length)) {
            source.nextChunk(CHUNK);
            source.nextChunk(CHUNK);
            source.nextChunk(CHUNK);
            assertThat(source.canSeek(2)).isTrue();
            source.seek(2);
            assertChunkAt(source, 2, CHUNK);
            assertChunkAt(source, 12, CHUNK);
        }
    }

    @Test
    void streamShorterThanDeclaredFails() {
        ChunkSource source = new StreamChunkSource(new ByteArrayInputStream(bytes), bytes.length + 1);
        assertThatThrownBy(() -> {
            while (source.nextChunk(CHUNK) != null) {
                // read on
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("ended after 55 bytes").hasMessageContaining("declared length is 56");
    }

    @Test
    void streamLongerThanDeclaredFails() {
        ChunkSource source = new StreamChunkSource(new ByteArrayInputStream(bytes), 30);
        assertThatThrownBy(() -> {
            while (source.nextChunk(CHUNK) != null) {
                // read on
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("longer than its declared length of 30");
    }

    @Test
    void smallStreamOfKnownLengthDoesNotAllocateAFullChunkBuffer() throws Exception {
        // a 10 MiB chunk size must not cost 10 MiB of heap for a 3-byte body
        CountingStream in = new CountingStream(new byte[] { 1, 2, 3 });
        try (ChunkSource source = new StreamChunkSource(in, 3)) {
            Chunk chunk = source.nextChunk(10 * 1024 * 1024);
            assertThat(chunk.length()).isEqualTo(3);
            assertThat(in.largestReadRequest).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void fileThatShrinksWhileUploadingFailsClearly() throws Exception {
        Path file = Files.write(dir.resolve("shrinks.bin"), bytes);
        try (ChunkSource source = FileChunkSource.open(file)) {
            Chunk first = source.nextChunk(CHUNK);
            Chunk second = source.nextChunk(CHUNK);
            content(first);
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(12);
            }
            assertThatThrownBy(() -> second.writeTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(IOException.class).hasMessageContaining("became shorter");
        }
    }

    @Test
    void positionalSpoolsStreamsToATemporaryFileAndLeavesFilesAlone() throws Exception {
        Path file = Files.write(dir.resolve("as-is.bin"), bytes);
        try (ChunkSource fileSource = FileChunkSource.open(file)) {
            assertThat(ChunkSources.positional(fileSource, dir)).isSameAs(fileSource);
        }
        ChunkSource spooled = ChunkSources.positional(new StreamChunkSource(new ByteArrayInputStream(bytes), -1), dir);
        assertThat(spooled).isInstanceOf(FileChunkSource.class);
        assertThat(spooled.length()).isEqualTo(bytes.length);
        assertThat(spooled.identity()).as("a spool file is no identity to resume by").isNull();
        Chunk whole = spooled.nextChunk(Long.MAX_VALUE);
        assertThat(content(whole)).isEqualTo(bytes);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("upload-spool-"))).hasSize(1);
        }
        spooled.close();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("upload-spool-"))).as("deleted on close").isEmpty();
        }
    }

    @Test
    void missingFileFailsClearly() {
        assertThatThrownBy(() -> FileChunkSource.open(dir.resolve("nope.bin")))
                .isInstanceOf(IOException.class).hasMessageContaining("nope.bin").hasMessageContaining("does not exist");
    }

    @Test
    void directoryIsNotUploadable() {
        assertThatThrownBy(() -> FileChunkSource.open(dir))
                .isInstanceOf(IOException.class).hasMessageContaining("not a regular file");
    }

    static final class CountingStream extends ByteArrayInputStream {
        int largestReadRequest;

        CountingStream(byte[] buf) {
            super(buf);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            largestReadRequest = Math.max(largestReadRequest, len);
            return super.read(b, off, len);
        }
    }
}
