package io.github.camelupload.clickhelp;

import io.github.camelupload.support.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.camelupload.emulators.Fault;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The API key never shows: not in logs (every logger at TRACE), messages, toString() or printed URIs. */
class ClickHelpSecretsTest extends ClickHelpTestSupport {

    private static final String SECRET = "S3cr3t+Key&With=Odd/Chars";

    private String secretUri(String path, String options) {
        return "clickhelp:storage/" + path + "?portalUrl=" + emulator().portalUrl() + "&username=" + clickhelp.username()
               + "&apiKey=RAW(" + SECRET + ")&retryDelay=1&maxRetryDelay=5" + options;
    }

    private void useSecretKey() {
        emulator().credentials(clickhelp.username(), SECRET);
    }

    private static String basicToken(String user, String key) {
        return Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theKeyWorksAndNeverAppearsInTheLogsEvenAtTrace() throws Exception {
        useSecretKey();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ok").to(secretUri("secret/ok.bin", "&chunkSize=1000"));
                from("direct:refused").to(secretUri("secret/refused.bin", "&chunkSize=1000"));
            }
        });
        emulator().faults().onNth("PUT", 2, Fault.dropConnectionAfter(100)).onNth("PUT", 3, Fault.status(503))
                .onNth("PUT", 5, Fault.loseResponse()).onNth("PUT", 6, Fault.tooManyRequests(0));
        String token = basicToken(clickhelp.username(), SECRET);
        StringBuilder seen = new StringBuilder();

        // every logger at TRACE, HttpClient's header and wire loggers and Camel's included; the emulator's own logs
        // (the server's side) stay out
        try (LogCapture logs = LogCapture.openAtTrace("org.eclipse.jetty", "io.github.camelupload.emulators")) {
            Exchange ok = template.send("direct:ok", e -> e.getMessage().setBody(seededBytes(4500, 1)));
            assertThat(ok.getException()).isNull();

            emulator().credentials(clickhelp.username(), "another-key"); // now the server refuses ours: 401
            Exchange refused = template.send("direct:refused", e -> e.getMessage().setBody(seededBytes(10, 2)));
            assertThat(refused.getException()).isInstanceOf(HttpOperationFailedException.class);
            emulator().credentials(clickhelp.username(), SECRET);
            emulator().faults().randomly(3L, 1.0, "PUT", Fault.status(503)); // retries exhausted
            Exchange exhausted = template.send("direct:refused", e -> e.getMessage().setBody(seededBytes(10, 3)));
            assertThat(exhausted.getException()).isInstanceOf(HttpOperationFailedException.class);

            for (Exchange failed : java.util.List.of(refused, exhausted)) {
                java.io.StringWriter trace = new java.io.StringWriter();
                failed.getException().printStackTrace(new java.io.PrintWriter(trace));
                seen.append(trace).append(failed.getMessage().getHeaders()).append('\n');
            }
            for (Endpoint endpoint : context.getEndpoints()) {
                seen.append(endpoint).append(' ').append(URISupport.sanitizeUri(endpoint.getEndpointUri())).append('\n');
            }
            context.getRoutes().forEach(route -> seen.append(route.getEndpoint()).append(route).append('\n'));

            String logged = logs.all();
            assertThat(logged).contains("secret/ok.bin"); // DEBUG progress lines were captured
            assertThat(logged).contains("401"); // so was the failure
            assertThat(logged).as("HttpClient's header log ran, with the credential redacted")
                    .contains("Authorization: [redacted]").contains("Content-Range: bytes 0-999/4500");
            seen.append(logged);
        }
        assertThat(seen.toString()).doesNotContain(SECRET).doesNotContain(token).doesNotContain("S3cr3t")
                .doesNotContain(clickhelp.username() + ":");
        // the server did get the key: HTTP Basic, user = login, password = API key
        assertThat(requests("POST").get(0).header("Authorization")).isEqualTo("Basic " + token);
    }

    @Test
    void credentialsSetOnTheComponentStayOutOfEveryLogEvenWhileEndpointsAreCreatedAtTrace() throws Exception {
        useSecretKey();
        ClickHelpComponent component = context.getComponent("clickhelp", ClickHelpComponent.class);
        component.getConfiguration().setUsername(clickhelp.username());
        component.getConfiguration().setApiKey(SECRET);
        emulator().faults().onNth("PUT", 1, Fault.dropConnectionAfter(10));

        String logged;
        try (LogCapture logs = LogCapture.openAtTrace("org.eclipse.jetty", "io.github.camelupload.emulators")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:component").to("clickhelp:storage/secret/component.bin?portalUrl="
                                                + emulator().portalUrl() + "&retryDelay=1&chunkSize=1000");
                }
            });
            Exchange ok = template.send("direct:component", e -> e.getMessage().setBody(seededBytes(2500, 4)));
            assertThat(ok.getException()).isNull();
            logged = logs.all();
        }
        assertThat(logged).contains("Creating endpoint").contains("Authorization: [redacted]");
        assertThat(logged).doesNotContain(SECRET).doesNotContain("S3cr3t")
                .doesNotContain(basicToken(clickhelp.username(), SECRET));
        assertThat(storedSha256("secret/component.bin")).isEqualTo(sha256(seededBytes(2500, 4)));
    }

    @Test
    void theKeyIsNotInMessagesOfFailures() {
        Exchange refused = send(secretUri("secret/401.txt", ""), "x"); // the emulator expects another key: 401

        HttpOperationFailedException failure = refused.getException(HttpOperationFailedException.class);
        assertThat(failure.getStatusCode()).isEqualTo(401);
        String everything = failure + " " + failure.getMessage() + " " + failure.getStatusText() + " "
                            + failure.getResponseBody() + " " + failure.getUri() + " " + failure.getResponseHeaders();
        assertThat(everything).doesNotContain("S3cr3t").doesNotContain(basicToken(clickhelp.username(), SECRET));
    }

    @Test
    void printedEndpointsAndConfigurationsHideTheKey() throws Exception {
        Endpoint endpoint = context.getEndpoint(secretUri("secret/print.txt", ""));
        ClickHelpEndpoint clickhelpEndpoint = (ClickHelpEndpoint) endpoint;
        endpoint.start();
        try {
            assertThat(endpoint.toString()).doesNotContain("S3cr3t").contains("apiKey=xxxxxx");
            assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain("S3cr3t");
            assertThat(clickhelpEndpoint.getConfiguration().toString()).doesNotContain("S3cr3t").doesNotContain(clickhelp.username());
            assertThat(clickhelpEndpoint.client().toString()).doesNotContain("S3cr3t");
            assertThat(clickhelpEndpoint.getServiceUrl()).isEqualTo(emulator().portalUrl());
            assertThat(context.getEndpoints().toString()).doesNotContain("S3cr3t");
        } finally {
            endpoint.stop();
        }
    }

    @Test
    void camelSanitizesTheKeyAndTheUserInUris() {
        String sanitized = URISupport.sanitizeUri(
                "clickhelp:storage/docs/a.png?portalUrl=https://acme.clickhelp.co&username=jane&apiKey=RAW(s3cr3t&x=1)&overwrite=true");

        assertThat(sanitized).doesNotContain("s3cr3t").doesNotContain("jane").contains("apiKey=xxxxxx")
                .contains("overwrite=true");
        // and the generated URI factory flags both as secrets for tooling
        assertThat(context.getCamelContextExtension().getEndpointUriFactory("clickhelp").secretPropertyNames())
                .containsExactlyInAnyOrder("apiKey", "username");
    }
}
