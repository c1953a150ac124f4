package io.github.camelupload.support.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.converter.stream.InputStreamCache;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of body, read through {@link ChunkSources#fromBody}, yields exactly its bytes, chunk by chunk, with
 * every chunk but the last full and the last one flagged, for the sizes where off-by-one errors live.
 */
class ChunkSourceContractTest {

    static final int CHUNK = 16;
    static final int[] SIZES = { 0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7 };

    @TempDir
    static Path dir;
    static CamelContext context;

    @BeforeAll
    static void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stopContext() {
        context.stop();
    }

    enum BodyKind {
        FILE, PATH, GENERIC_FILE, BYTE_ARRAY, STRING, STREAM_KNOWN_LENGTH, STREAM_UNKNOWN_LENGTH, STREAM_CACHE,
        TRICKLING_STREAM_UNKNOWN_LENGTH
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (BodyKind kind : BodyKind.values()) {
            for (int size : SIZES) {
                cases.add(Arguments.of(kind, size));
            }
        }
        return cases.stream();
    }

    static byte[] data(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        if (size > 0) {
            bytes[size - 1] = 'z'; // ASCII, so the String case round-trips too
        }
        return bytes;
    }

    static byte[] ascii(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + (i * 7 % 26));
        }
        return bytes;
    }

    Exchange exchangeWith(BodyKind kind, byte[] bytes) throws IOException {
        Exchange exchange = new DefaultExchange(context);
        Path file = Files.write(dir.resolve(kind + "-" + bytes.length + ".bin"), bytes);
        switch (kind) {
            case FILE -> exchange.getMessage().setBody(file.toFile());
            case PATH -> exchange.getMessage().setBody(file);
            case GENERIC_FILE -> {
                GenericFile<File> generic = new GenericFile<>();
                generic.setFile(file.toFile());
                generic.setFileLength(bytes.length);
                generic.setAbsoluteFilePath(file.toString());
                exchange.getMessage().setBody(generic);
            }
            case BYTE_ARRAY -> exchange.getMessage().setBody(bytes);
            case STRING -> exchange.getMessage().setBody(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            case STREAM_KNOWN_LENGTH -> {
                exchange.getMessage().setBody(new ByteArrayInputStream(bytes));
                exchange.getMessage().setHeader(Exchange.CONTENT_LENGTH, bytes.length);
            }
            case STREAM_UNKNOWN_LENGTH -> exchange.getMessage().setBody(new ByteArrayInputStream(bytes));
            case STREAM_CACHE -> exchange.getMessage().setBody(new InputStreamCache(bytes));
            case TRICKLING_STREAM_UNKNOWN_LENGTH -> exchange.getMessage().setBody(trickle(new ByteArrayInputStream(bytes)));
        }
        return exchange;
    }

    /** A stream that hands out at most 3 bytes a read, as a slow socket does. */
    static InputStream trickle(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }

    @ParameterizedTest(name = "{0}, {1} bytes")
    @MethodSource("cases")
    void yieldsExactlyTheBodyChunkByChunk(BodyKind kind, int size) throws Exception {
        byte[] bytes = kind == BodyKind.STRING ? ascii(size) : data(size);
        try (ChunkSource source = ChunkSources.fromBody(exchangeWith(kind, bytes))) {
            boolean knownUpFront = kind != BodyKind.STREAM_UNKNOWN_LENGTH && kind != BodyKind.TRICKLING_STREAM_UNKNOWN_LENGTH;
            assertThat(source.length()).isEqualTo(knownUpFront ? size : -1);

            ByteArrayOutputStream received = new ByteArrayOutputStream();
            List<Chunk> chunks = new ArrayList<>();
            for (Chunk chunk = source.nextChunk(CHUNK); chunk != null; chunk = source.nextChunk(CHUNK)) {
                assertThat(chunk.offset()).as("chunk offset").isEqualTo(received.size());
                chunk.writeTo(received);
                chunks.add(chunk);
                boolean isLast = received.size() == size;
                assertThat(chunk.isLast()).as("last flag of chunk at " + chunk.offset()).isEqualTo(isLast);
                if (!isLast) {
                    assertThat(chunk.length()).as("every chunk but the last is full").isEqualTo(CHUNK);
                } else {
                    assertThat(chunk.totalLength()).isEqualTo(size);
                }
            }
            assertThat(received.toByteArray()).isEqualTo(bytes);
            assertThat(chunks).hasSize((size + CHUNK - 1) / CHUNK);
            assertThat(source.length()).as("length known at the end").isEqualTo(size);
            assertThat(source.nextChunk(CHUNK)).as("nothing after the end").isNull();
        }
    }

    @ParameterizedTest(name = "{0}, {1} bytes")
    @MethodSource("cases")
    void aChunkCanBeWrittenAgainForARetry(BodyKind kind, int size) throws Exception {
        byte[] bytes = kind == BodyKind.STRING ? ascii(size) : data(size);
        try (ChunkSource source = ChunkSources.fromBody(exchangeWith(kind, bytes))) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            for (Chunk chunk = source.nextChunk(CHUNK); chunk != null; chunk = source.nextChunk(CHUNK)) {
                chunk.writeTo(new ByteArrayOutputStream()); // the first attempt, lost
                chunk.writeTo(received);
            }
            assertThat(received.toByteArray()).isEqualTo(bytes);
        }
    }
}
