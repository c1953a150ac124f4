package io.github.camelupload.contentisland;

import io.github.camelupload.support.testing.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelupload.emulators.Fault;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static io.github.camelupload.contentisland.TestFiles.FIVE_MIB;
import static org.assertj.core.api.Assertions.assertThat;

/** What a user gets for each error status, and that the token shows up nowhere. */
class ErrorsAndSecretsTest extends ContentIslandTestSupport {

    private static final String SECRET = "s3cr3t+Tok/en=&x";

    private String uriWithToken(String token, String options) {
        return "contentisland:upload?baseUrl=" + emulator().baseUrl() + "&token=RAW(" + token
               + ")&retryDelay=1&maxRetryDelay=10&fileName=a.bin" + (options.isEmpty() ? "" : "&" + options);
    }

    @Test
    void unauthorizedSaysTheTokenIsMissingMalformedOrExpiredAndIsNotRetried() {
        Exchange result = send(uriWithToken("not-a-valid-token", ""), new byte[100], Map.of());

        assertThat(result.getException()).isInstanceOf(HttpOperationFailedException.class)
                .hasMessageStartingWith("ContentIsland rejected the token (401 Unauthorized): the token is missing, malformed or expired")
                .hasMessageContaining("statusCode: 401");
        assertThat(((HttpOperationFailedException) result.getException()).getStatusCode()).isEqualTo(401);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void forbiddenSaysAWriteTokenIsNeededAndIsNotRetried() {
        Exchange result = send(uriWithToken(emulator().readOnlyToken(), ""), new byte[100], Map.of());

        assertThat(result.getException()).isInstanceOf(HttpOperationFailedException.class)
                .hasMessageStartingWith("ContentIsland refused the upload (403 Forbidden): the token lacks write permission; use a Write Token");
        assertThat(posts()).hasSize(1);
    }

    @Test
    void badRequestCarriesTheServerMessageAndIsNotRetried() {
        emulator().faults().atRequest(1, Fault.status(400));

        Exchange result = send(uri("uploadMode=chunked&fileName=a.bin"), new byte[100], Map.of());

        assertThat(result.getException()).isInstanceOf(HttpOperationFailedException.class)
                .hasMessageStartingWith("ContentIsland rejected the upload request (400 Bad Request): injected fault: status(400)");
        HttpOperationFailedException failure = (HttpOperationFailedException) result.getException();
        assertThat(failure.getResponseBody()).contains("\"statusCode\":400");
        assertThat(failure.getUri()).isEqualTo(emulator().baseUrl() + "/resource/upload");
        assertThat(posts()).hasSize(1);
    }

    @Test
    void aSimpleUploadTheServerFindsTooLargeIsNotRetried() throws Exception {
        emulator().simpleUploadLimit(1000);

        Exchange result = send(uri("uploadMode=simple&fileName=a.bin"), new byte[2000], Map.of());

        assertThat(result.getException()).isInstanceOf(HttpOperationFailedException.class)
                .hasMessageContaining("HTTP 413").hasMessageContaining("A simple upload may have at most 1000 bytes");
        assertThat(posts()).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedUpToMaxRetries() throws Exception {
        emulator().faults().atRequest(1, Fault.status(500)).atRequest(2, Fault.status(502)).atRequest(3, Fault.status(503));

        Exchange result = send(uri("maxRetries=2&fileName=a.bin"), new byte[100], Map.of());

        assertThat(result.getException()).isInstanceOf(HttpOperationFailedException.class).hasMessageContaining("HTTP 503");
        assertThat(posts()).hasSize(3);
    }

    @Test
    void theTokenAppearsInNoUriToStringMessageOrLogEvenAtTrace() throws Exception {
        emulator().writeToken(SECRET);
        Path file = TestFiles.create(tmp, "secret.bin", FIVE_MIB + 10, 1);
        String uri = uriWithToken(SECRET, "uploadMode=chunked&maxRetries=1");
        StringBuilder seen = new StringBuilder();

        // the route and its endpoint exist before the capture: Camel core itself (AbstractCamelContext, EndpointHelper)
        // logs the raw URI at TRACE while it creates an endpoint, for any component; credentials set on the
        // component instead of the URI avoid that (see the component-level test in camel-clickhelp)
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:secret").routeId("secret").to(uri);
            }
        });
        Endpoint endpoint = context.getEndpoint(uri);
        // every logger at TRACE, HttpClient's header and wire loggers and Camel's included; the emulator's own logs
        // (the server's side) stay out
        try (LogCapture logs = LogCapture.openAtTrace("org.eclipse.jetty", "io.github.camelupload.emulators")) {
            seen.append(endpoint).append('\n').append(URISupport.sanitizeUri(endpoint.getEndpointUri())).append('\n')
                    .append(((ContentIslandEndpoint) endpoint).getConfiguration()).append('\n')
                    .append(context.getRoute("secret").getEndpoint()).append('\n');

            // a success with a retry, a resume that the server rejects, and failures: every log line on the way
            emulator().faults().atRequest(1, Fault.dropConnectionAfter(1000));
            Exchange ok = upload("direct:secret", file, new java.util.HashMap<>());
            assertThat(ok.getException()).isNull();
            Exchange stale = upload("direct:secret", file, new java.util.HashMap<>(Map.of(
                    ContentIslandConstants.CHUNK_INDEX, 1, ContentIslandConstants.CHUNK_SIZE, FIVE_MIB,
                    ContentIslandConstants.TOTAL_CHUNKS, 2, ContentIslandConstants.UPLOAD_ID, "gone",
                    ContentIslandConstants.FILE_PREFIX, "0", ContentIslandConstants.MULTI_PART_UPLOAD, "{}")));
            assertThat(stale.getException()).isNull();
            emulator().faults().atRequest(emulator().faults().requestCount() + 1, Fault.status(500))
                    .atRequest(emulator().faults().requestCount() + 2, Fault.status(500));
            Exchange failed = send("direct:secret", file, Map.of());
            assertThat(failed.getException()).isNotNull();
            seen.append(stackTrace(failed.getException())).append('\n').append(failed.getMessage().getHeaders()).append('\n');
            emulator().writeToken("another-token");
            Exchange unauthorized = send("direct:secret", file, Map.of());
            seen.append(stackTrace(unauthorized.getException())).append('\n');
            context.getRouteController().stopRoute("secret");
            assertThat(logs.all()).contains("Starting the upload of").contains("confirmed").contains("retry 1 of 1");
            assertThat(logs.all()).as("HttpClient's header log ran, with the credential redacted")
                    .contains("Authorization: [redacted]").contains("X-Chunk-Upload: true");
            seen.append(logs.all());
        }

        assertThat(seen.toString()).contains("a.bin").contains("401")
                .doesNotContain(SECRET).doesNotContain("s3cr3t");
        assertThat(posts().get(0).header("Authorization")).isEqualTo("Bearer " + SECRET);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
