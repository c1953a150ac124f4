package io.github.camelupload.contentisland;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelupload.emulators.ContentIslandEmulator;
import io.github.camelupload.emulators.ContentIslandEmulatorExtension;
import io.github.camelupload.emulators.RecordedRequest;
import io.github.camelupload.emulators.StoredFileInfo;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** One emulator per test class (reset before each test), one CamelContext per test, helpers for the assertions. */
abstract class ContentIslandTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        TestFiles.ensureTempDir(); // before the emulator and @TempDir create their folders in it
    }

    @RegisterExtension
    static final ContentIslandEmulatorExtension CONTENTISLAND = new ContentIslandEmulatorExtension();

    @TempDir
    Path tmp;

    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        configureContext(context);
        context.start();
        template = context.createProducerTemplate();
    }

    /** Routes, beans: before the context starts. */
    void configureContext(CamelContext context) throws Exception {
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    ContentIslandEmulator emulator() {
        return CONTENTISLAND.emulator();
    }

    /** An endpoint URI against the emulator, with fast retries; {@code options} are appended. */
    String uri(String options) {
        return "contentisland:upload?baseUrl=" + emulator().baseUrl() + "&token=RAW(" + emulator().writeToken()
               + ")&retryDelay=1&maxRetryDelay=10" + (options == null || options.isEmpty() ? "" : "&" + options);
    }

    /** Sends a body with headers; the returned exchange may carry an exception. */
    Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().getHeaders().putAll(headers);
        });
    }

    /** Sends and expects success: returns the exchange after the upload. */
    Exchange upload(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = send(uri, body, headers);
        if (exchange.getException() != null) {
            throw new AssertionError("upload failed: " + exchange.getException() + "\n" + emulator().journal(),
                    exchange.getException());
        }
        return exchange;
    }

    /** The stored resource's SHA-256, checked against the answer's name and url. */
    String storedSha256(Exchange exchange) {
        UploadedResource resource = exchange.getMessage().getBody(UploadedResource.class);
        assertThat(resource).isNotNull();
        assertThat(exchange.getMessage().getHeader(ContentIslandConstants.RESOURCE_NAME)).isEqualTo(resource.getName());
        assertThat(exchange.getMessage().getHeader(ContentIslandConstants.RESOURCE_URL)).isEqualTo(resource.getUrl());
        assertThat(resource.getUrl()).endsWith("/" + resource.getName());
        StoredFileInfo info = emulator().resourceInfo(resource.getName())
                .orElseThrow(() -> new AssertionError("not stored: " + resource));
        return info.sha256();
    }

    List<RecordedRequest> posts() {
        return emulator().journal().requests("POST");
    }

    /** The state headers must be gone after a successful upload. */
    static void assertNoStateHeaders(Exchange exchange) {
        for (String header : ContentIslandConstants.STATE_HEADERS) {
            assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(header);
        }
    }

    /** The content of an upload source, for the expected chunkOptions (ETags are MD5s of the chunks). */
    interface Content {
        long size();

        String etag(long offset, long length);

        static Content of(Path file) {
            long size = file.toFile().length();
            return new Content() {
                public long size() {
                    return size;
                }

                public String etag(long offset, long length) {
                    return TestFiles.etag(file, offset, length);
                }
            };
        }

        static Content of(byte[] bytes) {
            return new Content() {
                public long size() {
                    return bytes.length;
                }

                public String etag(long offset, long length) {
                    return TestFiles.etag(bytes, (int) offset, (int) length);
                }
            };
        }
    }

    /**
     * The exact chunkOptions of a fault-free chunked upload: chunk 0 carries only the chunking, every later chunk the
     * uploadId and filePrefix of the upload and the parts the server listed so far (ETag = MD5 of each chunk).
     */
    static List<String> expectedChunkOptions(Content content, long chunkSize, String uploadId, String filePrefix) {
        long size = content.size();
        int total = size == 0 ? 1 : (int) ((size + chunkSize - 1) / chunkSize);
        List<String> expected = new ArrayList<>();
        ArrayNode parts = JSON.createArrayNode();
        for (int i = 0; i < total; i++) {
            long offset = i * chunkSize;
            long length = Math.min(chunkSize, size - offset);
            ObjectNode options = JSON.createObjectNode().put("chunkIndex", i).put("chunkSize", length).put("totalChunks", total);
            if (i > 0) {
                options.put("uploadId", uploadId);
                options.putObject("multiPartUpload").set("Parts", parts.deepCopy());
                options.put("filePrefix", filePrefix);
            }
            expected.add(options.toString());
            parts.addObject().put("ETag", content.etag(offset, length)).put("PartNumber", i + 1);
        }
        return expected;
    }

    /** Checks that the journal shows exactly the chunk requests of a fault-free upload of {@code content}. */
    void assertChunkSequence(Exchange exchange, Content content, long chunkSize) throws Exception {
        List<RecordedRequest> posts = posts();
        assertThat(posts).allSatisfy(r -> {
            assertThat(r.chunkUpload()).as("X-Chunk-Upload").isTrue();
            assertThat(r.status()).isEqualTo(201);
        });
        UploadedResource resource = exchange.getMessage().getBody(UploadedResource.class);
        String filePrefix = resource.getName().substring(0, resource.getName().indexOf('-'));
        String uploadId = posts.size() > 1 ? JSON.readTree(posts.get(1).chunkOptions()).path("uploadId").asText() : null;
        assertThat(posts).extracting(RecordedRequest::chunkOptions)
                .containsExactlyElementsOf(expectedChunkOptions(content, chunkSize, uploadId, filePrefix));
    }
}
