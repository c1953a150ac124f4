package io.github.camelupload.clickhelp;

import io.github.camelupload.support.testing.LogCapture;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

import io.github.camelupload.emulators.Fault;
import io.github.camelupload.emulators.RecordedRequest;
import io.github.camelupload.support.resume.ResumeStateStore;
import io.github.camelupload.support.source.FileChunkSource;
import io.github.camelupload.support.source.SourceIdentity;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resuming: from the offset headers of a failed exchange, through Camel's redelivery, and from a
 * FileStateRepository in a fresh CamelContext; and never applying one upload's state to another.
 */
class ClickHelpResumeTest extends ClickHelpTestSupport {

    private static final String FAIL_FAST = "&chunkSize=1000&maxRetries=0";
    private Path source;

    @BeforeEach
    void source() throws Exception {
        source = seededFile("source.bin", 4500, 9);
    }

    /** Makes the 3rd PUT break after 400 bytes, which the server keeps: it then holds 2400 bytes. */
    private void breakThirdPut() {
        emulator().faults().onNth("PUT", 3, Fault.dropConnectionAfter(400));
    }

    private Exchange failAfterTwoChunks(String path) {
        breakThirdPut();
        Exchange failed = send(uri(path, FAIL_FAST), source.toFile());
        assertThat(failed.getException()).isNotNull();
        return failed;
    }

    private Map<String, Object> resumeHeaders(Exchange failed) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(ClickHelpConstants.UPLOAD_OFFSET, failed.getMessage().getHeader(ClickHelpConstants.UPLOAD_OFFSET));
        headers.put(ClickHelpConstants.UPLOAD_TARGET, failed.getMessage().getHeader(ClickHelpConstants.UPLOAD_TARGET));
        return headers;
    }

    @Test
    void failedExchangeCarriesTheOffsetAndANewExchangeResumesWithoutPost() throws Exception {
        Exchange failed = failAfterTwoChunks("resume/header.bin");

        assertThat(failed.getMessage().getHeader(ClickHelpConstants.UPLOAD_OFFSET, Long.class)).isEqualTo(2000);
        assertThat(failed.getMessage().getHeader(ClickHelpConstants.UPLOAD_TARGET, String.class))
                .isEqualTo(emulator().portalUrl() + "/api/v1/storage/resume/header.bin");
        assertThat(failed.getMessage().getHeader(ClickHelpConstants.UPLOAD_LENGTH, Long.class)).isEqualTo(4500);
        assertThat(failed.getMessage().getBody()).isEqualTo(source.toFile()); // the body is left as it was
        clearJournal();

        Exchange resumed = send(uri("resume/header.bin", "&chunkSize=1000"), source.toFile(), resumeHeaders(failed));

        assertThat(resumed.getException()).isNull();
        assertThat(storedSha256("resume/header.bin")).isEqualTo(sha256(source));
        assertThat(requests("POST")).isEmpty();
        // the first PUT re-sends one chunk from the header's offset; the server's Range moves it on to 2400
        assertThat(putRanges()).containsExactly("bytes 2000-2999/4500", "bytes 2400-3399/4500", "bytes 3400-4399/4500",
                "bytes 4400-4499/4500");
        assertThat(putBytes()).isLessThanOrEqualTo((4500 - 2000) + 1000);
        assertThat(resumed.getMessage().getHeaders()).doesNotContainKeys(ClickHelpConstants.UPLOAD_OFFSET,
                ClickHelpConstants.UPLOAD_TARGET);
    }

    @Test
    void aOneShotStreamResumesFromTheHeaderBySkipping() throws Exception {
        Exchange failed = failAfterTwoChunks("resume/stream.bin");
        clearJournal();

        Map<String, Object> headers = resumeHeaders(failed);
        headers.put(Exchange.CONTENT_LENGTH, 4500L);
        Exchange resumed;
        try (InputStream in = new FilterInputStream(Files.newInputStream(source)) {
        }) {
            resumed = send(uri("resume/stream.bin", "&chunkSize=1000"), in, headers);
        }

        assertThat(resumed.getException()).isNull();
        assertThat(storedSha256("resume/stream.bin")).isEqualTo(sha256(source));
        assertThat(requests("POST")).isEmpty();
        assertThat(putRanges()).first().isEqualTo("bytes 2000-2999/4500");
    }

    @Test
    void anOffsetWithoutTargetHeaderIsApplied() throws Exception {
        failAfterTwoChunks("resume/no-target.bin");
        clearJournal();

        Exchange resumed = send(uri("resume/no-target.bin", "&chunkSize=1000"), source.toFile(),
                Map.of(ClickHelpConstants.UPLOAD_OFFSET, "2000"));

        assertThat(resumed.getException()).isNull();
        assertThat(requests("POST")).isEmpty();
        assertThat(storedSha256("resume/no-target.bin")).isEqualTo(sha256(source));
    }

    @Test
    void camelRedeliveryResumesTheSameUpload() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0));
                from("direct:upload").to(uri("resume/redelivered.bin", FAIL_FAST));
            }
        });
        breakThirdPut();

        Exchange result = template.send("direct:upload", e -> e.getMessage().setBody(source.toFile()));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
        assertThat(storedSha256("resume/redelivered.bin")).isEqualTo(sha256(source));
        assertThat(requests("POST")).hasSize(1);
        assertThat(putRanges()).containsExactly("bytes 0-999/4500", "bytes 1000-1999/4500", "bytes 2000-2999/4500",
                "bytes 2000-2999/4500", "bytes 2400-3399/4500", "bytes 3400-4399/4500", "bytes 4400-4499/4500");
    }

    @Test
    void anOffsetRecordedForOnePathIsNotAppliedToAnother() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the first upload fails and the route goes on with the same exchange, offset headers included
                onException(Exception.class).continued(true);
                from("direct:two").to(uri("two/first.bin", FAIL_FAST)).to(uri("two/second.bin", "&chunkSize=1000"));
            }
        });
        breakThirdPut();

        Exchange result = template.send("direct:two", e -> e.getMessage().setBody(source.toFile()));

        assertThat(result.getException()).isNull();
        assertThat(emulator().fileInfo("two/first.bin")).isEmpty();
        assertThat(storedSha256("two/second.bin")).isEqualTo(sha256(source));
        assertThat(emulator().journal().requests(r -> r.method().equals("POST") && r.path().endsWith("second.bin"))).hasSize(1);
        assertThat(emulator().journal().requests(r -> r.method().equals("PUT") && r.path().endsWith("second.bin")))
                .extracting(r -> r.header("Content-Range"))
                .containsExactly("bytes 0-999/4500", "bytes 1000-1999/4500", "bytes 2000-2999/4500", "bytes 3000-3999/4500",
                        "bytes 4000-4499/4500");
        assertThat(result.getMessage().getHeaders()).doesNotContainKeys(ClickHelpConstants.UPLOAD_OFFSET,
                ClickHelpConstants.UPLOAD_TARGET);
    }

    @Test
    void theSameExchangeUploadedToTwoPlacesGivesTwoCompleteUploads() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:both")
                        .setProperty("source", body())
                        .to(uri("both/a.bin", "&chunkSize=1000"))
                        .setBody(exchangeProperty("source"))
                        .to(uri("both/b.bin", "&chunkSize=1000"));
            }
        });

        Exchange result = template.send("direct:both", e -> e.getMessage().setBody(source.toFile()));

        assertThat(result.getException()).isNull();
        assertThat(storedSha256("both/a.bin")).isEqualTo(sha256(source));
        assertThat(storedSha256("both/b.bin")).isEqualTo(sha256(source));
        assertThat(requests("POST")).hasSize(2);
        assertThat(requests("PUT")).hasSize(10);
    }

    @Test
    void anOffsetForAnotherTargetIsIgnored() throws Exception {
        Exchange result = send(uri("resume/elsewhere.bin", "&chunkSize=1000"), source.toFile(),
                Map.of(ClickHelpConstants.UPLOAD_OFFSET, 2000L, ClickHelpConstants.UPLOAD_TARGET,
                        emulator().portalUrl() + "/api/v1/storage/some/other.bin"));

        assertThat(result.getException()).isNull();
        assertThat(requests("POST")).hasSize(1);
        assertThat(putRanges()).first().isEqualTo("bytes 0-999/4500");
        assertThat(storedSha256("resume/elsewhere.bin")).isEqualTo(sha256(source));
    }

    @Test
    void anUploadTheServerNoLongerKnowsStartsOverWithAWarning() throws Exception {
        Exchange failed = failAfterTwoChunks("resume/forgotten.bin");
        resetEmulator(); // the server forgets the upload (and the journal)

        Exchange resumed;
        try (LogCapture logs = LogCapture.open()) {
            resumed = send(uri("resume/forgotten.bin", "&chunkSize=1000"), source.toFile(), resumeHeaders(failed));
            assertThat(logs.entries()).anySatisfy(line -> {
                assertThat(line.level()).isEqualTo(Level.WARN);
                assertThat(line.text()).contains("no longer knows the upload").contains("resume/forgotten.bin");
            });
        }

        assertThat(resumed.getException()).isNull();
        assertThat(storedSha256("resume/forgotten.bin")).isEqualTo(sha256(source));
        assertThat(emulator().journal().requests()).extracting(RecordedRequest::method, RecordedRequest::status)
                // the GET: whether an earlier attempt completed the upload (it did not: 404), before starting over
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PUT", 400), org.assertj.core.groups.Tuple.tuple("GET", 404),
                        org.assertj.core.groups.Tuple.tuple("POST", 201),
                        org.assertj.core.groups.Tuple.tuple("PUT", 202), org.assertj.core.groups.Tuple.tuple("PUT", 202),
                        org.assertj.core.groups.Tuple.tuple("PUT", 202), org.assertj.core.groups.Tuple.tuple("PUT", 202),
                        org.assertj.core.groups.Tuple.tuple("PUT", 201));
    }

    /** Another client starts the upload of the same path again: the server then holds 0 bytes of it. */
    private void restartedElsewhere(String path) throws Exception {
        java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(emulator().portalUrl() + "/api/v1/storage/" + path + "?format=resumable&isOverwrite=false"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (clickhelp.username() + ":" + clickhelp.apiKey()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        int status = java.net.http.HttpClient.newHttpClient()
                .send(post, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isEqualTo(201);
    }

    @Test
    void aFileGoesBackToWhereTheServerSaysWhenItHoldsLessThanTheOffset() throws Exception {
        Exchange failed = failAfterTwoChunks("resume/behind.bin");
        restartedElsewhere("resume/behind.bin");
        clearJournal();

        Exchange resumed = send(uri("resume/behind.bin", "&chunkSize=1000"), source.toFile(), resumeHeaders(failed));

        assertThat(resumed.getException()).isNull();
        assertThat(storedSha256("resume/behind.bin")).isEqualTo(sha256(source));
        assertThat(requests("POST")).isEmpty();
        assertThat(putRanges()).containsExactly("bytes 2000-2999/4500", "bytes 0-999/4500", "bytes 1000-1999/4500",
                "bytes 2000-2999/4500", "bytes 3000-3999/4500", "bytes 4000-4499/4500");
    }

    @Test
    void aOneShotStreamThatWouldHaveToGoBackFailsClearly() throws Exception {
        Exchange failed = failAfterTwoChunks("resume/stream-behind.bin");
        restartedElsewhere("resume/stream-behind.bin");

        Map<String, Object> headers = resumeHeaders(failed);
        headers.put(Exchange.CONTENT_LENGTH, 4500L);
        Exchange resumed;
        try (InputStream in = new FilterInputStream(Files.newInputStream(source)) {
        }) {
            resumed = send(uri("resume/stream-behind.bin", "&chunkSize=1000"), in, headers);
        }

        assertThat(resumed.getException())
                .isInstanceOf(io.github.camelupload.support.source.UnseekableSourceException.class)
                .hasMessageContaining("Cannot go back to byte 0").hasMessageContaining("Send a File")
                .hasMessageContaining("stream caching");
        assertThat(resumed.getMessage().getHeader(ClickHelpConstants.UPLOAD_OFFSET, Long.class)).isZero();
    }

    // ---- FileStateRepository ----------------------------------------------------------------------------------

    private Path stateFile() {
        return tempDir.resolve("upload-state.dat");
    }

    /** A fresh CamelContext with a fresh FileStateRepository on the same file, as after a JVM restart. */
    private Exchange uploadInFreshContext(String path, String options) throws Exception {
        CamelContext fresh = new DefaultCamelContext();
        FileStateRepository repository = FileStateRepository.fileStateRepository(stateFile().toFile());
        fresh.getRegistry().bind("uploadState", repository);
        fresh.start();
        try {
            return fresh.createProducerTemplate().send(uri(path, "&uploadStateRepository=#uploadState" + options),
                    e -> e.getMessage().setBody(source.toFile()));
        } finally {
            fresh.stop();
            repository.stop();
        }
    }

    private String savedState(String path) throws Exception {
        FileStateRepository repository = FileStateRepository.fileStateRepository(stateFile().toFile());
        repository.start();
        try {
            SourceIdentity identity;
            try (FileChunkSource file = FileChunkSource.open(source)) {
                identity = file.identity();
            }
            String key = ResumeStateStore.key("clickhelp", identity, emulator().portalUrl() + "/api/v1/storage/" + path);
            return new ResumeStateStore(repository).load(key).orElse(null);
        } finally {
            repository.stop();
        }
    }

    @Test
    void fileStateRepositoryResumesInAFreshContextAndForgetsOnSuccess() throws Exception {
        breakThirdPut();
        Exchange failed = uploadInFreshContext("state/resumed.bin", FAIL_FAST);
        assertThat(failed.getException()).isNotNull();
        assertThat(savedState("state/resumed.bin")).isEqualTo("2000");
        assertThat(Files.readString(stateFile())).doesNotContain("state/resumed.bin").doesNotContain(clickhelp.apiKey());
        clearJournal();

        Exchange resumed = uploadInFreshContext("state/resumed.bin", "&chunkSize=1000");

        assertThat(resumed.getException()).isNull();
        assertThat(storedSha256("state/resumed.bin")).isEqualTo(sha256(source));
        assertThat(requests("POST")).isEmpty();
        assertThat(putRanges()).containsExactly("bytes 2000-2999/4500", "bytes 2400-3399/4500", "bytes 3400-4399/4500",
                "bytes 4400-4499/4500");
        assertThat(savedState("state/resumed.bin")).isNull();
    }

    @Test
    void fileStateRepositoryStartsOverWhenTheFileChanged() throws Exception {
        breakThirdPut();
        Exchange failed = uploadInFreshContext("state/changed.bin", FAIL_FAST);
        assertThat(failed.getException()).isNotNull();
        clearJournal();

        // same size, other content and modification time
        Files.write(source, seededBytes(4500, 10));
        Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 60_000));

        Exchange restarted = uploadInFreshContext("state/changed.bin", "&chunkSize=1000");

        assertThat(restarted.getException()).isNull();
        assertThat(storedSha256("state/changed.bin")).isEqualTo(sha256(source));
        assertThat(requests("POST")).hasSize(1);
        assertThat(putRanges()).containsExactly("bytes 0-999/4500", "bytes 1000-1999/4500", "bytes 2000-2999/4500",
                "bytes 3000-3999/4500", "bytes 4000-4499/4500");
        assertThat(savedState("state/changed.bin")).isNull();
    }

    @Test
    void fileStateRepositoryIsNotAppliedToAnotherTarget() throws Exception {
        breakThirdPut();
        uploadInFreshContext("state/one.bin", FAIL_FAST);
        clearJournal();

        Exchange other = uploadInFreshContext("state/two.bin", "&chunkSize=1000");

        assertThat(other.getException()).isNull();
        assertThat(requests("POST")).hasSize(1);
        assertThat(putRanges()).first().isEqualTo("bytes 0-999/4500");
        assertThat(savedState("state/one.bin")).isEqualTo("2000");
    }
}
