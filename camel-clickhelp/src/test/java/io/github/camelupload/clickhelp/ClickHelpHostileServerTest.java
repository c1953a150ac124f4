package io.github.camelupload.clickhelp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelupload.support.engine.UploadProtocolException;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that breaks the protocol on purpose (on 127.0.0.1): every misbehaviour ends the upload with an exception
 * that says what the server did, within bounded time and memory, never a hang or an OutOfMemoryError. The POST that
 * starts the upload always succeeds; the PUT answers are the hostile part.
 */
@Timeout(30)
class ClickHelpHostileServerTest {

    /** How the server answers a PUT. */
    interface PutAnswer {
        void answer(HttpExchange exchange, long start, long end) throws IOException;
    }

    HttpServer server;
    volatile PutAnswer putAnswer;
    final List<String> requests = new CopyOnWriteArrayList<>();
    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                String method = exchange.getRequestMethod();
                String range = exchange.getRequestHeaders().getFirst("Content-Range");
                requests.add(method + (range == null ? "" : " " + range));
                if (method.equals("POST")) {
                    exchange.sendResponseHeaders(201, -1);
                } else {
                    String[] bounds = range.substring("bytes ".length(), range.indexOf('/')).split("-");
                    putAnswer.answer(exchange, Long.parseLong(bounds[0]), Long.parseLong(bounds[1]) + 1);
                }
            } catch (IOException e) {
                // the client gave up on an endless answer
            } finally {
                exchange.close();
            }
        });
        server.start();
        context = new DefaultCamelContext();
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
        server.stop(0);
    }

    private Exchange upload(int size) {
        String uri = "clickhelp:storage/hostile/a.bin?portalUrl=http://127.0.0.1:" + server.getAddress().getPort()
                     + "&username=u&apiKey=k&chunkSize=1000&retryDelay=1&maxRetryDelay=5&maxRetries=2&responseTimeout=5000";
        return template.send(uri, e -> e.getMessage().setBody(new byte[size]));
    }

    private static void send(HttpExchange exchange, int status, String body, String... headers) throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Writes {@code bytes} bytes of {@code fill} (chunked), or until the client goes away. */
    private static void endless(HttpExchange exchange, int status, long bytes, char fill) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, 0);
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) fill);
        OutputStream out = exchange.getResponseBody();
        for (long sent = 0; sent < bytes; sent += block.length) {
            out.write(block);
        }
    }

    @Test
    void aConfirmedRangeBeyondWhatWasSentIsAProtocolError() {
        putAnswer = (exchange, start, end) -> send(exchange, 202, "", "Range", "bytes=0-" + (end + 5000));

        Exchange result = upload(2500);

        assertThat(result.getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("The server confirmed 6001 bytes").hasMessageContaining("only 1000 were sent");
        assertThat(requests).containsExactly("POST", "PUT bytes 0-999/2500");
    }

    @Test
    void aRangeThatGoesBackwardsForeverStopsTheUpload() {
        putAnswer = (exchange, start, end) -> send(exchange, 202, "", "Range", "bytes=0-" + (start == 0 ? 999 : 0));

        Exchange result = upload(2500);

        assertThat(result.getException()).isInstanceOf(UploadProtocolException.class).hasMessageContaining("no progress");
        assertThat(requests.size()).as("a few attempts, not forever").isLessThan(12);
    }

    @Test
    void a202WithoutProgressStopsTheUpload() {
        putAnswer = (exchange, start, end) -> send(exchange, 202, "");

        Exchange result = upload(2500);

        assertThat(result.getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("made no progress").hasMessageContaining("it confirms 0 bytes");
    }

    @Test
    void anUnexpected200BeforeTheLastChunkIsAProtocolError() {
        putAnswer = (exchange, start, end) -> send(exchange, 200, "");

        Exchange result = upload(2500);

        assertThat(result.getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("reported the upload to").hasMessageContaining("complete (HTTP 200) after byte 999")
                .hasMessageContaining("but the body goes on");
    }

    @Test
    void malformedJsonAsTheFinalDescriptorIsAProtocolError() {
        putAnswer = (exchange, start, end) -> send(exchange, 201, "{\"fileName\": \"a.bin\", \"size\": ");

        Exchange result = upload(500);

        assertThat(result.getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("with a body that is not a file descriptor").hasMessageContaining("{\"fileName\"");
    }

    @Test
    void aDescriptorWithMissingFieldsIsAProtocolError() {
        putAnswer = (exchange, start, end) -> send(exchange, 201, "{\"content\": null, \"isFolder\": false}");

        Exchange result = upload(500);

        assertThat(result.getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("lacks its fileName and fileFullName and a numeric size");
    }

    @Test
    void anEndlessDescriptorIsCutOffAndRejected() {
        putAnswer = (exchange, start, end) -> endless(exchange, 201, Long.MAX_VALUE, ' ');

        Exchange result = upload(500);

        assertThat(result.getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("not a file descriptor");
    }

    @Test
    void aHugeErrorBodyIsCutTo64KiBInTheException() {
        putAnswer = (exchange, start, end) -> endless(exchange, 500, 256L * 1024 * 1024, 'x'); // 256 MiB per answer

        Exchange result = upload(500);

        HttpOperationFailedException failure = result.getException(HttpOperationFailedException.class);
        assertThat(failure).isNotNull();
        assertThat(failure.getStatusCode()).isEqualTo(500);
        assertThat(failure.getResponseBody()).hasSizeLessThan(70_000).endsWith("... (truncated)");
        assertThat(failure.getMessage()).hasSizeLessThan(140_000);
        assertThat(requests).as("retried as a 5xx, each answer cut short").hasSize(1 + 3);
    }
}
