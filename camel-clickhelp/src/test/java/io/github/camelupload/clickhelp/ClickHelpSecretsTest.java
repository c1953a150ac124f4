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

/** The API key never shows: not in logs (DEBUG included), messages, toString() or printed URIs. */
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
    void theKeyWorksAndNeverAppearsInTheLogs() throws Exception {
        useSecretKey();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ok").to(secretUri("secret/ok.bin", "&chunkSize=1000"));
                from("direct:refused").to(secretUri("secret/refused.bin", "&chunkSize=1000"));
            }
        });
        emulator().faults().onNth("PUT", 2, Fault.dropConnectionAfter(100)).onNth("PUT", 5, Fault.loseResponse());
        String token = basicToken(clickhelp.username(), SECRET);

        try (LogCapture logs = LogCapture.open()) {
            Exchange ok = template.send("direct:ok", e -> e.getMessage().setBody(seededBytes(4500, 1)));
            assertThat(ok.getException()).isNull();

            emulator().credentials(clickhelp.username(), "another-key"); // now the server refuses ours: 401
            Exchange refused = template.send("direct:refused", e -> e.getMessage().setBody(seededBytes(10, 2)));
            assertThat(refused.getException()).isInstanceOf(HttpOperationFailedException.class);

            String logged = logs.all();
            assertThat(logged).contains("secret/ok.bin"); // DEBUG progress lines were captured
            assertThat(logged).contains("401"); // so was the failure
            assertThat(logged).doesNotContain(SECRET).doesNotContain(token).doesNotContain("S3cr3t");
        }
        // the server did get the key: HTTP Basic, user = login, password = API key
        assertThat(requests("POST").get(0).header("Authorization")).isEqualTo("Basic " + token);
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
