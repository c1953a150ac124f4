package io.github.camelupload.clickhelp;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelupload.emulators.Fault;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad configuration and bad input fail before any request, with a message naming the problem; refusals are not retried. */
class ClickHelpValidationTest extends ClickHelpTestSupport {

    private boolean expectNoRequest = true;

    @AfterEach
    void noRequestWasSent() {
        if (expectNoRequest) {
            assertThat(emulator().journal().requests()).isEmpty();
        }
    }

    private String portal() {
        return emulator().portalUrl();
    }

    // ---- configuration: fails at endpoint creation -------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no portalUrl            | clickhelp:storage/a.txt?username=u&apiKey=k                        | The option portalUrl is required",
            "no username             | clickhelp:storage/a.txt?portalUrl=PORTAL&apiKey=k                  | The option username is required",
            "no apiKey               | clickhelp:storage/a.txt?portalUrl=PORTAL&username=u                | The option apiKey is required",
            "chunkSize 0             | clickhelp:storage/a.txt?portalUrl=PORTAL&username=u&apiKey=k&chunkSize=0 | The option chunkSize must be between 1 and 10485760",
            "chunkSize too big       | clickhelp:storage/a.txt?portalUrl=PORTAL&username=u&apiKey=k&chunkSize=10485761 | The option chunkSize must be between 1 and 10485760",
            "maxFileSize 0           | clickhelp:storage/a.txt?portalUrl=PORTAL&username=u&apiKey=k&maxFileSize=0 | The option maxFileSize must be positive",
            "maxRetries negative     | clickhelp:storage/a.txt?portalUrl=PORTAL&username=u&apiKey=k&maxRetries=-1 | The option maxRetries must be 0 or more",
            "plain http remote       | clickhelp:storage/a.txt?portalUrl=http://acme.clickhelp.co&username=u&apiKey=k | plain http://",
            "credentials in the URL  | clickhelp:storage/a.txt?portalUrl=https://u:p@acme.clickhelp.co&username=u&apiKey=k | must not carry credentials",
            "colon in username       | clickhelp:storage/a.txt?portalUrl=PORTAL&username=a:b&apiKey=k     | must not contain ':'",
            "unknown API             | clickhelp:projects/a.txt?portalUrl=PORTAL&username=u&apiKey=k      | Unsupported ClickHelp API 'projects'",
            "dot-dot in URI path     | clickhelp:storage/a/../b.txt?portalUrl=PORTAL&username=u&apiKey=k  | contains '..'",
            "backslash in URI path   | clickhelp:storage/a\\b.txt?portalUrl=PORTAL&username=u&apiKey=k    | contains a backslash",
            "unknown option          | clickhelp:storage/a.txt?portalUrl=PORTAL&username=u&apiKey=k&chunksize2=1 | chunksize2"
    })
    void badConfigurationFailsAtEndpointCreation(String name, String uri, String expected) {
        String resolved = uri.replace("PORTAL", portal());

        assertThatThrownBy(() -> context.getEndpoint(resolved))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(fullMessage(e)).contains(expected));
    }

    @Test
    void secretsAreNotRepeatedInConfigurationErrors() {
        assertThatThrownBy(() -> context.getEndpoint(
                "clickhelp:storage/a.txt?portalUrl=" + portal() + "&username=jane&apiKey=RAW(s3cr3t-k3y)&chunkSize=0"))
                .satisfies(e -> assertThat(fullMessage(e)).doesNotContain("s3cr3t-k3y").contains("chunkSize"));
        // a control character would split the Authorization header; the message names the option, not the value
        ClickHelpComponent component = context.getComponent("clickhelp", ClickHelpComponent.class);
        component.getConfiguration().setApiKey("s3cr3t\nk3y");
        assertThatThrownBy(() -> context.getEndpoint("clickhelp:storage/a.txt?portalUrl=" + portal() + "&username=jane"))
                .satisfies(e -> assertThat(fullMessage(e)).doesNotContain("s3cr3t")
                        .contains("The option apiKey contains a control character"));
    }

    // ---- input: fails in the producer, before any request ------------------------------------------------------

    @Test
    void nullBody() {
        Exchange result = send(uri("a.txt"), null);

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The message body is null");
    }

    @Test
    void bodyOverMaxFileSizeIsRefusedBeforeAnyRequest() throws Exception {
        Path sparse = tempDir.resolve("sparse.bin");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(ClickHelpConfiguration.DEFAULT_MAX_FILE_SIZE + 1); // 1 GiB + 1, sparse: no disk used
        }

        Exchange result = send(uri("big.bin"), sparse.toFile());

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1073741825 bytes, more than maxFileSize (1073741824 bytes)");
    }

    @Test
    void streamOfKnownLengthOverMaxFileSizeIsRefusedBeforeAnyRequest() {
        Exchange result = send(uri("big.bin", "&maxFileSize=100"), new ByteArrayInputStream(new byte[101]),
                Map.of(Exchange.CONTENT_LENGTH, 101));

        assertThat(result.getException()).hasMessageContaining("101 bytes, more than maxFileSize (100 bytes)");
    }

    @Test
    void streamOfUnknownLengthStopsAsSoonAsItPassesMaxFileSize() {
        expectNoRequest = false;
        InputStream unknownLength = new FilterInputStream(new ByteArrayInputStream(seededBytes(5000, 1))) {
        };

        Exchange result = send(uri("growing.bin", "&maxFileSize=2500&chunkSize=1000"), unknownLength);

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passed maxFileSize (2500 bytes) after 3000 bytes");
        assertThat(putRanges()).containsExactly("bytes 0-999/*", "bytes 1000-1999/*");
        assertThat(emulator().fileInfo("growing.bin")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "dot-dot           | docs/../secret.txt | contains '..'",
            "dot               | ./a.txt            | contains '.'",
            "backslash         | docs\\a.txt        | contains a backslash",
            "double slash      | docs//a.txt        | empty folder name",
            "trailing slash    | docs/              | ends with '/'",
            "only slashes      | ///                | names no file"
    })
    void badPathHeader(String name, String path, String expected) {
        Exchange result = send(uri("a.txt"), "x", Map.of(ClickHelpConstants.FILE_PATH, path));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected).hasMessageContaining("CamelClickHelpFilePath");
    }

    @Test
    void controlCharactersInThePath() {
        for (String path : new String[] { "a\nb.txt", "a\rb.txt", "a\u0000b.txt", "tab\there.txt", "del\u007f.txt" }) {
            Exchange result = send(uri("a.txt"), "x", Map.of(ClickHelpConstants.FILE_PATH, path));
            assertThat(result.getException()).as(path).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("control character");
        }
    }

    @Test
    void plainHttpToAHostOtherThanLoopbackIsRefusedUnlessAllowed() throws Exception {
        String remote = "clickhelp:storage/a.txt?portalUrl=http://docs.example.com&username=u&apiKey=k";

        // refused when the endpoint is created, long before any request
        assertThatThrownBy(() -> context.getEndpoint(remote)).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("uses plain http:// to docs.example.com")
                .hasMessageContaining("set allowInsecureHttp=true");
        ClickHelpEndpoint allowed = context.getEndpoint(remote + "&allowInsecureHttp=true", ClickHelpEndpoint.class);
        allowed.start(); // no request is sent: endpoints validate and build their client at start
        assertThat(allowed.getServiceUrl()).isEqualTo("http://docs.example.com");
        allowed.stop();
    }

    @Test
    void encodedDotDotIsAFileNameThatStaysInsideTheTargetFolder() throws Exception {
        expectNoRequest = false;
        Exchange result = send(uri("a.txt"), "x", Map.of(ClickHelpConstants.FILE_PATH, "docs/%2e%2e/%2E%2E/x.txt"));

        assertThat(result.getException()).isNull();
        assertThat(emulator().fileInfo("docs/%2e%2e/%2E%2E/x.txt")).as("stored under its literal name").isPresent();
        assertThat(emulator().storedFile("docs/%2e%2e/%2E%2E/x.txt").toAbsolutePath().normalize())
                .startsWith(emulator().storageDir().toAbsolutePath().normalize());
    }

    @Test
    void noPathAnywhere() {
        Exchange result = send(uri("").replace("storage/?", "storage?"), "x");

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The file path is empty").hasMessageContaining("CamelClickHelpFilePath")
                .hasMessageContaining("CamelFileName");
    }

    @Test
    void emptyBodiesOfEveryKind() throws Exception {
        Path emptyFile = Files.createFile(tempDir.resolve("empty.txt"));
        Object[] bodies = { new byte[0], "", emptyFile.toFile(), emptyFile,
                new FilterInputStream(new ByteArrayInputStream(new byte[0])) {
                } };
        for (Object body : bodies) {
            Exchange result = send(uri("empty.txt"), body);
            assertThat(result.getException()).as(body.getClass().getName()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty (0 bytes)").hasMessageContaining("cannot express an empty file");
        }
        Exchange declaredEmpty = send(uri("empty.txt"), new ByteArrayInputStream(new byte[0]),
                Map.of(Exchange.CONTENT_LENGTH, 0));
        assertThat(declaredEmpty.getException()).hasMessageContaining("cannot express an empty file");
    }

    // ---- refusals: HttpOperationFailedException with the server's message, no retry ------------------------------

    @Test
    void unauthorized() {
        expectNoRequest = false;
        Exchange result = send(uri("docs/a.txt").replace("RAW(" + clickhelp.apiKey() + ")", "RAW(wrong-key)"), "x");

        HttpOperationFailedException failure = result.getException(HttpOperationFailedException.class);
        assertThat(failure).isNotNull();
        assertThat(failure.getStatusCode()).isEqualTo(401);
        assertThat(failure.getResponseBody()).contains("Invalid login or API key");
        assertThat(failure.getStatusText()).startsWith("ClickHelp refused to start the upload of docs/a.txt")
                .contains("Invalid login or API key");
        assertThat(fullMessage(failure)).doesNotContain("wrong-key");
        assertThat(emulator().journal().requests()).hasSize(1);
    }

    @Test
    void forbidden() {
        expectNoRequest = false;
        emulator().faults().onNth("POST", 1, Fault.status(403));

        Exchange result = send(uri("docs/a.txt"), "x");

        HttpOperationFailedException failure = result.getException(HttpOperationFailedException.class);
        assertThat(failure.getStatusCode()).isEqualTo(403);
        assertThat(failure.getResponseBody()).contains("injected fault: status(403)");
        assertThat(emulator().journal().requests()).hasSize(1);
    }

    @Test
    void notFound() {
        expectNoRequest = false;
        Exchange result = send(uri("docs/a.txt").replace(portal(), portal() + "/no-such-portal"), "x");

        HttpOperationFailedException failure = result.getException(HttpOperationFailedException.class);
        assertThat(failure.getStatusCode()).isEqualTo(404);
        assertThat(failure.getResponseBody()).contains("Not found");
        assertThat(failure.getUri()).isEqualTo(portal() + "/no-such-portal/api/v1/storage/docs/a.txt?format=resumable&isOverwrite=false");
        assertThat(emulator().journal().requests()).hasSize(1);
    }

    @Test
    void conflictWhenTheFileExistsAndOverwriteIsOff() throws Exception {
        expectNoRequest = false;
        emulator().seedFile("docs/existing.txt", "keep me".getBytes());

        Exchange result = send(uri("docs/existing.txt"), "x");

        HttpOperationFailedException failure = result.getException(HttpOperationFailedException.class);
        assertThat(failure.getStatusCode()).isEqualTo(409);
        assertThat(failure.getResponseBody()).contains("already exists");
        assertThat(emulator().journal().requests()).hasSize(1);
        assertThat(Files.readString(emulator().storedFile("docs/existing.txt"))).isEqualTo("keep me");
    }

    @Test
    void chunkRefusedByTheServerIsNotRetried() {
        expectNoRequest = false;
        emulator().maxChunkSize(500);

        Exchange result = send(uri("docs/big-chunks.bin", "&chunkSize=1000"), seededBytes(1500, 5));

        HttpOperationFailedException failure = result.getException(HttpOperationFailedException.class);
        assertThat(failure.getStatusCode()).isEqualTo(413);
        assertThat(failure.getStatusText()).contains("ClickHelp refused bytes 0-999 of docs/big-chunks.bin");
        assertThat(requests("PUT")).hasSize(1);
        assertThat(result.getMessage().getHeader(ClickHelpConstants.UPLOAD_OFFSET, Long.class)).isZero();
    }

    private static String fullMessage(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append(" | ");
        }
        return sb.toString();
    }
}
