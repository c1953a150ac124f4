package io.github.camelupload.contentisland;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelupload.contentisland.TestFiles.FIVE_MIB;
import static org.assertj.core.api.Assertions.assertThat;

/** Every body type, in both modes: the stored bytes equal the source. */
class BodyTypesTest extends ContentIslandTestSupport {

    /** Three chunks of 5 MiB, the last one short. */
    private static final int SIZE = (int) (2 * FIVE_MIB + 12345);

    enum Mode {
        simple,
        chunked
    }

    @AfterEach
    void noSpoolFileIsLeftBehind() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("upload-spool-"));
        }
    }

    private String uri(Mode mode) {
        return uri("uploadMode=" + mode + "&chunkSize=" + FIVE_MIB + "&fileName=body.bin");
    }

    private void assertUploaded(Exchange result, byte[] expected, Mode mode) throws Exception {
        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(expected));
        if (mode == Mode.chunked) {
            assertChunkSequence(result, Content.of(expected), FIVE_MIB);
        } else {
            assertThat(posts()).singleElement().satisfies(r -> assertThat(r.chunkUpload()).isFalse());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void file(Mode mode) throws Exception {
        Path file = TestFiles.create(tmp, "f.bin", SIZE, 1);
        assertUploaded(upload(uri(mode), file.toFile(), Map.of()), Files.readAllBytes(file), mode);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void path(Mode mode) throws Exception {
        Path file = TestFiles.create(tmp, "p.bin", SIZE, 2);
        assertUploaded(upload(uri(mode), file, Map.of()), Files.readAllBytes(file), mode);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void byteArray(Mode mode) throws Exception {
        byte[] body = TestFiles.bytes(SIZE, 3);
        assertUploaded(upload(uri(mode), body, Map.of()), body, mode);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void stringInTheExchangeCharset(Mode mode) throws Exception {
        String text = "Grüße aus Köln – ".repeat(SIZE / 20);
        Exchange result = template.send(uri(mode), exchange -> {
            exchange.getMessage().setBody(text);
            exchange.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
        });
        assertThat(result.getException()).isNull();
        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void inputStreamOfKnownLength(Mode mode) throws Exception {
        byte[] body = TestFiles.bytes(SIZE, 4);
        Exchange result = upload(uri(mode), new OneShotStream(body), Map.of(Exchange.CONTENT_LENGTH, (long) SIZE));
        assertUploaded(result, body, mode);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void inputStreamOfUnknownLength(Mode mode) throws Exception {
        byte[] body = TestFiles.bytes(SIZE, 5);
        assertUploaded(upload(uri(mode), new OneShotStream(body), Map.of()), body, mode);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void typeConvertedBody(Mode mode) throws Exception {
        byte[] body = TestFiles.bytes(SIZE, 6);
        assertUploaded(upload(uri(mode), ByteBuffer.wrap(body), Map.of()), body, mode);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void fileConsumerBody(Mode mode) throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path file = TestFiles.create(inbox, "from-the-file-consumer.bin", SIZE, 7);
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?noop=true&initialDelay=0")
                        .process(e -> assertThat(e.getMessage().getBody()).isInstanceOf(org.apache.camel.WrappedFile.class))
                        .to(uri("uploadMode=" + mode + "&chunkSize=" + FIVE_MIB))
                        .process(done::complete);
            }
        });

        Exchange result = done.get(60, TimeUnit.SECONDS);

        assertThat(result.getMessage().getBody(UploadedResource.class).getName()).endsWith("-from-the-file-consumer.bin");
        assertUploaded(result, Files.readAllBytes(file), mode);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void streamCacheSpooledToDisk(Mode mode) throws Exception {
        context.getStreamCachingStrategy().setSpoolEnabled(true);
        context.getStreamCachingStrategy().setSpoolThreshold(64 * 1024);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cached").streamCache("true")
                        .process(e -> assertThat(e.getMessage().getBody()).isInstanceOf(org.apache.camel.StreamCache.class))
                        .to(uri(mode));
            }
        });
        byte[] body = TestFiles.bytes(SIZE, 8);

        Exchange result = upload("direct:cached", new OneShotStream(body), new HashMap<>());

        assertUploaded(result, body, mode);
    }

    /** A stream that can be read once, like a socket's: no mark/reset, no length. */
    static final class OneShotStream extends FilterInputStream {
        OneShotStream(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public synchronized void reset() throws IOException {
            throw new IOException("one-shot stream");
        }
    }
}
