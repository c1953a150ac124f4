package io.github.camelupload.clickhelp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Undisturbed uploads: every size around the chunk boundaries, every body type, byte-identical results. */
class ClickHelpUploadTest extends ClickHelpTestSupport {

    enum BodyType {
        FILE, PATH, BYTES, STRING, STREAM_KNOWN_LENGTH, STREAM_UNKNOWN_LENGTH
    }

    static Stream<Arguments> sizesAndBodies() {
        long[] sizes = { 1, CHUNK - 1, CHUNK, CHUNK + 1, 25 * MIB + 3 };
        BodyType[] types = { BodyType.FILE, BodyType.BYTES, BodyType.STREAM_KNOWN_LENGTH, BodyType.STREAM_UNKNOWN_LENGTH };
        return java.util.stream.LongStream.of(sizes).boxed().flatMap(size -> Stream.of(types).map(type -> Arguments.of(size, type)));
    }

    @ParameterizedTest(name = "{0} bytes as {1}")
    @MethodSource("sizesAndBodies")
    void storesTheExactBytesInTheExpectedChunks(long size, BodyType type) throws Exception {
        Path source = seededFile("source.bin", size, size);
        String path = "sizes/" + type + "-" + size + ".bin";

        Exchange result = upload(path, source, type);

        assertThat(result.getException()).isNull();
        assertThat(storedSha256(path)).isEqualTo(sha256(source));
        assertThat(requests("POST")).hasSize(1);
        boolean totalKnown = type != BodyType.STREAM_UNKNOWN_LENGTH;
        assertThat(putRanges()).containsExactlyElementsOf(expectedRanges(size, CHUNK, totalKnown));
        assertThat(requests("GET")).isEmpty();
        assertDescriptor(result, path, size);
    }

    @Test
    void stores200MiBFromAFile() throws Exception {
        long size = 200 * MIB;
        Path source = seededFile("big.bin", size, 200);
        try {
            Exchange result = upload("big/file.bin", source, BodyType.FILE);

            assertThat(result.getException()).isNull();
            assertThat(storedSha256("big/file.bin")).isEqualTo(sha256(source));
            assertThat(requests("POST")).hasSize(1);
            assertThat(putRanges()).containsExactlyElementsOf(expectedRanges(size, CHUNK, true));
            assertDescriptor(result, "big/file.bin", size);
        } finally {
            Files.deleteIfExists(source);
        }
    }

    @Test
    void stores200MiBFromAStreamOfUnknownLength() throws Exception {
        long size = 200 * MIB;
        Path source = seededFile("big-stream.bin", size, 201);
        try {
            Exchange result = upload("big/stream.bin", source, BodyType.STREAM_UNKNOWN_LENGTH);

            assertThat(result.getException()).isNull();
            assertThat(storedSha256("big/stream.bin")).isEqualTo(sha256(source));
            assertThat(requests("POST")).hasSize(1);
            assertThat(putRanges()).containsExactlyElementsOf(expectedRanges(size, CHUNK, false));
            assertDescriptor(result, "big/stream.bin", size);
        } finally {
            Files.deleteIfExists(source);
        }
    }

    @Test
    void storesPathAndStringBodies() throws Exception {
        Path source = seededFile("p.bin", 3 * 1024 + 5, 7);
        Exchange fromPath = upload("types/path.bin", source, BodyType.PATH);
        assertThat(fromPath.getException()).isNull();
        assertThat(storedSha256("types/path.bin")).isEqualTo(sha256(source));

        String text = "Grüße aus ClickHelp \u2603\n".repeat(1000);
        Exchange fromString = send(uri("types/text.txt"), text);
        assertThat(fromString.getException()).isNull();
        assertThat(storedSha256("types/text.txt"))
                .isEqualTo(sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void storesWhatAFileConsumerDeliversAtEverySize() throws Exception {
        long[] sizes = { 1, CHUNK - 1, CHUNK, CHUNK + 1, 25 * MIB + 3 };
        Path inbox = Files.createDirectories(tempDir.resolve("inbox"));
        // the files are complete before the consumer starts, so it never sees one half written
        for (long size : sizes) {
            seededFile("inbox/sub/" + size + ".bin", size, size + 7);
        }
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(sizes.length).create();
        java.util.List<Object> bodies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // no path in the URI: the file consumer's CamelFileName (with its sub-folder) names the file
                from(inbox.toUri() + "?recursive=true&noop=true&initialDelay=0&delay=10")
                        .process(e -> bodies.add(e.getMessage().getBody()))
                        .to(uri("").replace("storage/?", "storage?"));
            }
        });

        assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();

        assertThat(bodies).allSatisfy(body -> assertThat(body).isInstanceOf(org.apache.camel.component.file.GenericFile.class));
        assertThat(requests("POST")).hasSize(sizes.length);
        for (long size : sizes) {
            String path = "sub/" + size + ".bin";
            assertThat(storedSha256(path)).isEqualTo(sha256(inbox.resolve(path)));
            assertThat(emulator().journal().requests(r -> r.method().equals("PUT") && r.path().endsWith("/" + path)))
                    .extracting(r -> r.header("Content-Range"))
                    .containsExactlyElementsOf(expectedRanges(size, CHUNK, true));
        }
    }

    @Test
    void acceptsEveryPlausibleStartStatus() throws Exception {
        for (int status : new int[] { 200, 201, 204 }) {
            emulator().startStatus(status);
            Exchange result = send(uri("start/" + status + ".txt"), "started with " + status);
            assertThat(result.getException()).isNull();
            assertThat(emulator().fileInfo("start/" + status + ".txt")).isPresent();
        }
    }

    @Test
    void overwriteHeaderAndOptionReplaceAnExistingFile() throws Exception {
        emulator().seedFile("docs/existing.txt", "old".getBytes());

        Exchange byHeader = send(uri("docs/existing.txt"), "new by header", Map.of(ClickHelpConstants.OVERWRITE, true));
        assertThat(byHeader.getException()).isNull();
        assertThat(Files.readString(emulator().storedFile("docs/existing.txt"))).isEqualTo("new by header");

        Exchange byOption = send(uri("docs/existing.txt", "&overwrite=true"), "new by option");
        assertThat(byOption.getException()).isNull();
        assertThat(Files.readString(emulator().storedFile("docs/existing.txt"))).isEqualTo("new by option");
        assertThat(requests("POST")).allSatisfy(r -> assertThat(r.queryParam("isOverwrite")).isEqualTo("true"));
    }

    @Test
    void filePathHeaderOverridesTheUriPath() throws Exception {
        Exchange result = send(uri("ignored/path.txt"), "x",
                Map.of(ClickHelpConstants.FILE_PATH, "chosen/by/header.txt", Exchange.FILE_NAME, "not-this.txt"));
        assertThat(result.getException()).isNull();
        assertThat(emulator().fileInfo("chosen/by/header.txt")).isPresent();
        assertThat(emulator().fileInfo("ignored/path.txt")).isEmpty();
    }

    @Test
    void smallChunksGiveTheExactContentRangeSequence() throws Exception {
        byte[] body = seededBytes(1000, 3);
        Exchange result = send(uri("small/chunks.bin", "&chunkSize=300"), body);
        assertThat(result.getException()).isNull();
        assertThat(putRanges()).containsExactly("bytes 0-299/1000", "bytes 300-599/1000", "bytes 600-899/1000",
                "bytes 900-999/1000");
        assertThat(storedSha256("small/chunks.bin")).isEqualTo(sha256(body));
        assertThat(requests("POST").get(0).queryParam("format")).isEqualTo("resumable");
        assertThat(requests("POST").get(0).queryParam("isOverwrite")).isEqualTo("false");
        assertThat(requests("PUT")).allSatisfy(r -> assertThat(r.queryParam("format")).isEqualTo("resumable"));
    }

    private Exchange upload(String path, Path source, BodyType type) throws IOException {
        long size = Files.size(source);
        String uri = uri(path);
        return switch (type) {
            case FILE -> send(uri, source.toFile());
            case PATH -> send(uri, source);
            case BYTES -> send(uri, Files.readAllBytes(source));
            case STRING -> send(uri, Files.readString(source));
            case STREAM_KNOWN_LENGTH -> sendStream(uri, source, Map.of(Exchange.CONTENT_LENGTH, size));
            case STREAM_UNKNOWN_LENGTH -> sendStream(uri, source, Map.of());
        };
    }

    private Exchange sendStream(String uri, Path source, Map<String, Object> headers) throws IOException {
        // a plain one-shot stream (not a StreamCache, not a FileInputStream the converters could recognise)
        try (InputStream in = new FilterInputStream(Files.newInputStream(source)) {
        }) {
            return send(uri, in, headers);
        }
    }

    private static void assertDescriptor(Exchange result, String path, long size) {
        ClickHelpFile file = result.getMessage().getBody(ClickHelpFile.class);
        assertThat(file).isNotNull();
        assertThat(file.getSize()).isEqualTo(size);
        assertThat(file.isFolder()).isFalse();
        assertThat(file.getFileName()).isEqualTo(path.substring(path.lastIndexOf('/') + 1));
        assertThat(file.getFileFullName()).isEqualTo("Storage\\" + path.replace('/', '\\'));
        assertThat(file.getModifiedBy()).isEqualTo("tester");
        assertThat(file.getModifiedOnInstant()).isNotNull();
        assertThat(result.getMessage().getHeader(ClickHelpConstants.FILE_FULL_NAME)).isEqualTo(file.getFileFullName());
        assertThat(result.getMessage().getHeader(ClickHelpConstants.UPLOAD_LENGTH, Long.class)).isEqualTo(size);
        assertThat(result.getMessage().getHeaders()).doesNotContainKeys(ClickHelpConstants.UPLOAD_OFFSET,
                ClickHelpConstants.UPLOAD_TARGET);
    }
}
