package io.github.camelupload.clickhelp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.camelupload.emulators.Fault;
import io.github.camelupload.emulators.RecordedRequest;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A later attempt (Camel's redelivery, or a re-sent exchange with the resume headers) of an upload whose last chunk
 * completed the file but whose answer was lost: the server no longer knows the session, and the file it holds is
 * this upload's, so the upload is complete. A file that was there before this upload is never taken for it.
 */
class ClickHelpCompletedBeforeResumeTest extends ClickHelpTestSupport {

    private static final String FAIL_FAST = "&chunkSize=1000&maxRetries=0";
    private static final String LAST_CHUNK = "bytes 4000-4499/4500";
    private Path source;

    @BeforeEach
    void source() throws Exception {
        source = seededFile("source.bin", 4500, 17);
    }

    /** The 5th (last) PUT completes the file but its answer is lost, and the attempt's own check (GET) fails. */
    private void loseTheFinalAnswerAndItsCheck() {
        emulator().faults().onNth("PUT", 5, Fault.loseResponse()).onNth("GET", 1, Fault.status(503));
    }

    /** An older file of the same size at the path, last modified an hour ago: the version an upload replaces. */
    private void seedOldVersion(String path) throws Exception {
        emulator().seedFile(path, seededBytes(4500, 999));
        Files.setLastModifiedTime(emulator().storedFile(path), FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    }

    @ParameterizedTest(name = "overwrite={0}")
    @ValueSource(booleans = { false, true })
    void aRedeliveryFindsTheUploadCompletedWhenTheLastAnswerWasLost(boolean overwrite) throws Exception {
        String path = "completed/redelivered-" + overwrite + ".bin";
        if (overwrite) {
            seedOldVersion(path); // the check must tell the new file from the one it replaces
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0));
                from("direct:upload").to(uri(path, FAIL_FAST + "&overwrite=" + overwrite));
            }
        });
        loseTheFinalAnswerAndItsCheck();

        Exchange result = template.send("direct:upload", e -> e.getMessage().setBody(source.toFile()));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
        assertThat(storedSha256(path)).isEqualTo(sha256(source));
        assertThat(result.getMessage().getBody(ClickHelpFile.class).getSize()).isEqualTo(4500);
        // the redelivery sent the last chunk once more, learnt that the session is gone, and found the file: no POST
        assertThat(requests("POST")).hasSize(1);
        assertThat(requests("PUT")).extracting(r -> r.header("Content-Range"), RecordedRequest::status)
                .endsWith(org.assertj.core.groups.Tuple.tuple(LAST_CHUNK, 400));
        assertThat(requests("PUT")).hasSize(6);
        assertThat(requests("GET")).extracting(RecordedRequest::status).containsExactly(503, 200);
        assertThat(result.getMessage().getHeaders()).doesNotContainKeys(ClickHelpConstants.UPLOAD_OFFSET,
                ClickHelpConstants.UPLOAD_TARGET);
    }

    @Test
    void aResentExchangeWithTheResumeHeadersFindsTheUploadCompleted() throws Exception {
        String path = "completed/resent.bin";
        loseTheFinalAnswerAndItsCheck();
        Exchange failed = send(uri(path, FAIL_FAST), source.toFile());
        assertThat(failed.getException()).isNotNull();
        assertThat(failed.getMessage().getHeader(ClickHelpConstants.UPLOAD_OFFSET, Long.class)).isEqualTo(4000L);
        clearJournal();

        Exchange resent = send(uri(path, FAIL_FAST), source.toFile(), Map.of(
                ClickHelpConstants.UPLOAD_OFFSET, 4000L,
                ClickHelpConstants.UPLOAD_TARGET, failed.getMessage().getHeader(ClickHelpConstants.UPLOAD_TARGET)));

        assertThat(resent.getException()).isNull();
        assertThat(storedSha256(path)).isEqualTo(sha256(source));
        assertThat(emulator().journal().requests()).extracting(RecordedRequest::method, RecordedRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PUT", 400),
                        org.assertj.core.groups.Tuple.tuple("GET", 200));
    }

    @Test
    void anOlderFileOfTheSameSizeIsNotTakenForTheUploadWhoseSessionIsGone() throws Exception {
        // overwrite=true, a resume point from headers (when this upload started is unknown) and a session the server
        // no longer has: the file there may be the version being replaced, so the upload starts over
        String path = "completed/replaced.bin";
        seedOldVersion(path);

        Exchange result = send(uri(path, "&chunkSize=1000&overwrite=true"), source.toFile(), Map.of(
                ClickHelpConstants.UPLOAD_OFFSET, 2000L,
                ClickHelpConstants.UPLOAD_TARGET, emulator().portalUrl() + "/api/v1/storage/" + path));

        assertThat(result.getException()).isNull();
        assertThat(storedSha256(path)).isEqualTo(sha256(source));
        assertThat(requests("POST")).hasSize(1);
        assertThat(putRanges()).containsExactly("bytes 2000-2999/4500", "bytes 0-999/4500", "bytes 1000-1999/4500",
                "bytes 2000-2999/4500", "bytes 3000-3999/4500", LAST_CHUNK);
    }

    @Test
    void withoutAResumePointAnExistingFileStaysAConflict() throws Exception {
        String path = "completed/someone-elses.bin";
        emulator().seedFile(path, java.nio.file.Files.readAllBytes(source)); // even with the very same bytes

        Exchange result = send(uri(path, "&chunkSize=1000"), source.toFile());

        assertThat(result.getException()).isInstanceOf(HttpOperationFailedException.class)
                .hasMessageContaining("refused to start the upload of " + path);
        assertThat(((HttpOperationFailedException) result.getException()).getStatusCode()).isEqualTo(409);
        assertThat(requests("GET")).isEmpty();
        assertThat(requests("PUT")).isEmpty();
    }
}
