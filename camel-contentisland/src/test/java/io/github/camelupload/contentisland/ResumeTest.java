package io.github.camelupload.contentisland;

import io.github.camelupload.support.testing.LogCapture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelupload.emulators.Fault;
import io.github.camelupload.emulators.RecordedRequest;
import io.github.camelupload.support.http.UploadHttpException;
import io.github.camelupload.support.resume.ResumeStateStore;
import io.github.camelupload.support.source.SourceIdentity;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;

import static io.github.camelupload.contentisland.ContentIslandConstants.CHUNK_INDEX;
import static io.github.camelupload.contentisland.ContentIslandConstants.CHUNK_SIZE;
import static io.github.camelupload.contentisland.ContentIslandConstants.FILE_PREFIX;
import static io.github.camelupload.contentisland.ContentIslandConstants.MULTI_PART_UPLOAD;
import static io.github.camelupload.contentisland.ContentIslandConstants.TOTAL_CHUNKS;
import static io.github.camelupload.contentisland.ContentIslandConstants.UPLOAD_ID;
import static io.github.camelupload.contentisland.ContentIslandConstants.UPLOAD_TARGET;
import static io.github.camelupload.contentisland.TestFiles.FIVE_MIB;
import static org.assertj.core.api.Assertions.assertThat;

class ResumeTest extends ContentIslandTestSupport {

    /** Four chunks of 5 MiB, the last one short. */
    private static final long SIZE = 3 * FIVE_MIB + 1000;

    private String chunkedNoRetry() {
        return uri("uploadMode=chunked&chunkSize=" + FIVE_MIB + "&maxRetries=0");
    }

    /** The chunkIndex of every request; -1 for a request the emulator failed on purpose without reading it. */
    private List<Integer> chunkIndexes() {
        return posts().stream().map(r -> {
            if (r.chunkOptions() == null) {
                return -1;
            }
            try {
                return JSON.readTree(r.chunkOptions()).get("chunkIndex").asInt();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** The state headers as a broker would carry them: plain strings. */
    private static Map<String, Object> stateHeadersAsStrings(Exchange failed) {
        Map<String, Object> headers = new HashMap<>();
        for (String name : ContentIslandConstants.STATE_HEADERS) {
            Object value = failed.getMessage().getHeader(name);
            if (value != null) {
                headers.put(name, value.toString());
            }
        }
        return headers;
    }

    @Test
    void aFailedExchangeCarriesTheStateAndANewExchangeResumesResendingAtMostOneChunk() throws Exception {
        Path file = TestFiles.create(tmp, "big.bin", SIZE, 1);
        emulator().faults().atRequest(3, Fault.loseResponse()); // chunk 2 is stored, but the client never hears of it

        Exchange failed = send(chunkedNoRetry(), file, Map.of());

        assertThat(failed.getException()).isNotNull();
        JsonNode lastConfirmedAnswer = JSON.readTree(posts().get(2).chunkOptions()); // chunk 2 echoes the answer to chunk 1
        assertThat(failed.getMessage().getHeaders()).containsEntry(CHUNK_INDEX, 2).containsEntry(TOTAL_CHUNKS, 4)
                .containsEntry(CHUNK_SIZE, FIVE_MIB)
                .containsEntry(UPLOAD_ID, lastConfirmedAnswer.get("uploadId").asText())
                .containsEntry(FILE_PREFIX, lastConfirmedAnswer.get("filePrefix").asText())
                .containsEntry(MULTI_PART_UPLOAD, lastConfirmedAnswer.get("multiPartUpload").toString())
                .containsEntry(UPLOAD_TARGET, emulator().baseUrl() + "/big.bin");
        assertThat(JSON.readTree((String) failed.getMessage().getHeader(MULTI_PART_UPLOAD)).get("Parts")).hasSize(2);

        Exchange resumed = upload(chunkedNoRetry(), file, stateHeadersAsStrings(failed));

        assertThat(storedSha256(resumed)).isEqualTo(TestFiles.sha256(file));
        assertThat(chunkIndexes()).containsExactly(0, 1, 2, 2, 3);
        assertThat(posts().get(3).chunkOptions()).isEqualTo(posts().get(2).chunkOptions());
        assertNoStateHeaders(resumed);
    }

    @Test
    void theStateHeadersAreUpdatedAfterEveryConfirmedChunk() throws Exception {
        Path file = TestFiles.create(tmp, "steps.bin", SIZE, 2);
        emulator().faults().atRequest(4, Fault.status(500));

        Exchange failed = send(chunkedNoRetry(), file, Map.of());

        assertThat(failed.getException()).isInstanceOf(UploadHttpException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(failed.getMessage().getHeader(CHUNK_INDEX)).isEqualTo(3);
        assertThat(JSON.readTree((String) failed.getMessage().getHeader(MULTI_PART_UPLOAD)).get("Parts")).hasSize(3);
    }

    @Test
    void camelRedeliveryContinuesFromTheStateHeaders() throws Exception {
        Path file = TestFiles.create(tmp, "redelivered.bin", SIZE, 3);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(0));
                from("direct:upload").to(chunkedNoRetry());
            }
        });
        emulator().faults().atRequest(2, Fault.status(503)).atRequest(4, Fault.dropConnectionAfter(1000));

        Exchange result = upload("direct:upload", file, new HashMap<>());

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        assertThat(chunkIndexes()).containsExactly(0, -1, 1, -1, 2, 3);
        assertNoStateHeaders(result);
    }

    @Test
    void redeliveryOfAResumedExchangeContinuesFromItsLatestStateNotFromTheHeadersItArrivedWith() throws Exception {
        Path file = TestFiles.create(tmp, "twice.bin", SIZE, 33);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0));
                from("direct:upload").to(chunkedNoRetry());
            }
        });
        emulator().faults().atRequest(2, Fault.status(500));
        Exchange failed = send(chunkedNoRetry(), file, Map.of()); // stops after chunk 0: the headers say chunk 1
        emulator().faults().atRequest(5, Fault.status(500)); // the resumed exchange fails at chunk 3, once

        Exchange result = upload("direct:upload", file, stateHeadersAsStrings(failed));

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        assertThat(chunkIndexes()).containsExactly(0, -1, 1, 2, -1, 3);
        assertThat(result.getProperty(ContentIslandConstants.UPLOAD_STATE_PROPERTY)).isNull();
    }

    @Test
    void aFreshCamelContextResumesFromAFileStateRepositoryWhichForgetsTheUploadOnSuccess() throws Exception {
        Path file = TestFiles.create(tmp, "persisted.bin", SIZE, 4);
        File stateFile = tmp.resolve("upload-state.dat").toFile();
        String key = ResumeStateStore.key("contentisland", identity(file), emulator().baseUrl() + "/persisted.bin");
        emulator().faults().atRequest(3, Fault.status(500));

        Exchange failed = sendInNewContext(stateFile, file);
        assertThat(failed.getException()).isNotNull();
        assertThat(readState(stateFile, key)).contains("\"chunkIndex\":2");

        Exchange resumed = sendInNewContext(stateFile, file);

        assertThat(resumed.getException()).isNull();
        assertThat(storedSha256(resumed)).isEqualTo(TestFiles.sha256(file));
        assertThat(chunkIndexes()).containsExactly(0, 1, -1, 2, 3);
        assertThat(readState(stateFile, key)).isNullOrEmpty();
    }

    @Test
    void aChangedFileStartsOver() throws Exception {
        Path file = TestFiles.create(tmp, "changing.bin", SIZE, 5);
        File stateFile = tmp.resolve("upload-state.dat").toFile();
        emulator().faults().atRequest(3, Fault.status(500));
        assertThat(sendInNewContext(stateFile, file).getException()).isNotNull();

        TestFiles.create(tmp, "changing.bin", SIZE, 55); // same size, other content
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        Exchange result = sendInNewContext(stateFile, file);

        assertThat(result.getException()).isNull();
        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        assertThat(chunkIndexes()).containsExactly(0, 1, -1, 0, 1, 2, 3);
    }

    @Test
    void stateHeadersRecordedForAnotherFileNameAreNotApplied() throws Exception {
        Path file = TestFiles.create(tmp, "first.bin", SIZE, 6);
        emulator().faults().atRequest(3, Fault.status(500));
        Exchange failed = send(chunkedNoRetry(), file, Map.of());
        Map<String, Object> headers = stateHeadersAsStrings(failed);
        headers.put(ContentIslandConstants.FILE_NAME, "second.bin");

        Exchange result;
        try (LogCapture logs = LogCapture.open()) {
            result = upload(chunkedNoRetry(), file, headers);
            assertThat(logs.warnings()).anyMatch(w -> w.contains("recorded for " + emulator().baseUrl() + "/first.bin"));
        }

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        assertThat(result.getMessage().getBody(UploadedResource.class).getName()).endsWith("-second.bin");
        assertThat(chunkIndexes()).containsExactly(0, 1, -1, 0, 1, 2, 3);
    }

    @Test
    void stateHeadersThatDoNotFitTheBodyAreNotApplied() throws Exception {
        Path file = TestFiles.create(tmp, "f.bin", SIZE, 7);
        emulator().faults().atRequest(3, Fault.status(500));
        Exchange failed = send(chunkedNoRetry(), file, Map.of());
        Path longer = TestFiles.create(tmp, "f2.bin", SIZE + 6 * FIVE_MIB, 7);

        Exchange result = upload(chunkedNoRetry(), longer, Map.of(CHUNK_INDEX, 2, CHUNK_SIZE, FIVE_MIB, TOTAL_CHUNKS, 4,
                UPLOAD_ID, failed.getMessage().getHeader(UPLOAD_ID), FILE_PREFIX, failed.getMessage().getHeader(FILE_PREFIX),
                MULTI_PART_UPLOAD, failed.getMessage().getHeader(MULTI_PART_UPLOAD), ContentIslandConstants.FILE_NAME, "f.bin"));

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(longer));
        assertThat(chunkIndexes().subList(3, chunkIndexes().size())).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void whenTheServerRejectsTheEchoedStateTheUploadStartsOverWithAWarning() throws Exception {
        Path file = TestFiles.create(tmp, "stale.bin", SIZE, 8);
        Map<String, Object> stale = Map.of(CHUNK_INDEX, "2", CHUNK_SIZE, String.valueOf(FIVE_MIB), TOTAL_CHUNKS, "4",
                UPLOAD_ID, "an-upload-the-server-forgot", FILE_PREFIX, "0badcafe",
                MULTI_PART_UPLOAD, "{\"Parts\":[{\"ETag\":\"\\\"x\\\"\",\"PartNumber\":1},{\"ETag\":\"\\\"y\\\"\",\"PartNumber\":2}]}");

        Exchange result;
        try (LogCapture logs = LogCapture.open()) {
            result = upload(chunkedNoRetry(), file, stale);
            assertThat(logs.warnings()).anyMatch(w -> w.contains("rejected the saved state") && w.contains("over from chunk 0"));
        }

        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(file));
        assertThat(posts()).extracting(RecordedRequest::status).containsExactly(400, 201, 201, 201, 201);
        assertThat(chunkIndexes()).containsExactly(2, 0, 1, 2, 3);
        assertThat(posts().get(0).chunkOptions()).contains("an-upload-the-server-forgot");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static SourceIdentity identity(Path file) throws Exception {
        return new SourceIdentity(file.toAbsolutePath().normalize().toString(), Files.size(file),
                Files.getLastModifiedTime(file).toMillis());
    }

    private static String readState(File stateFile, String key) throws Exception {
        FileStateRepository repository = FileStateRepository.fileStateRepository(stateFile);
        repository.start();
        try {
            return repository.getState(key);
        } finally {
            repository.stop();
        }
    }

    /** One upload in a CamelContext of its own, with a FileStateRepository on {@code stateFile}. */
    private Exchange sendInNewContext(File stateFile, Path file) throws Exception {
        FileStateRepository repository = FileStateRepository.fileStateRepository(stateFile);
        CamelContext fresh = new DefaultCamelContext();
        fresh.getRegistry().bind("uploadState", repository); // not started here: the endpoint starts it (loads the file)
        fresh.start();
        try (ProducerTemplate producer = fresh.createProducerTemplate()) {
            return producer.send(chunkedNoRetry() + "&uploadStateRepository=#uploadState",
                    exchange -> exchange.getMessage().setBody(file.toFile()));
        } finally {
            fresh.stop();
            repository.stop();
        }
    }
}
