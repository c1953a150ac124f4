package io.github.camelupload.support.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.github.camelupload.support.UploadConfiguration;
import io.github.camelupload.support.retry.RetryPolicy;
import io.github.camelupload.support.source.ByteArrayChunkSource;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The endpoint's HTTP client against a loopback server: connection reuse, timeouts, error mapping. */
class UploadHttpClientsTest {

    static class Config extends UploadConfiguration {
    }

    HttpServer server;
    String base;
    final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    final List<Long> bodyLengths = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            bodyLengths.add((long) exchange.getRequestBody().readAllBytes().length);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.createContext("/missing", exchange -> {
            byte[] body = "No such file: docs/a.png".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().add("X-Trace", "abc");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/huge-error", exchange -> {
            exchange.sendResponseHeaders(500, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] line = "x".repeat(1024).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 1024; i++) { // 1 MiB of error body
                    out.write(line);
                }
            } catch (IOException e) {
                // the client stops reading after its bound: fine
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    CloseableHttpClient client(long responseTimeout) throws Exception {
        Config config = new Config();
        config.setResponseTimeout(responseTimeout);
        return UploadHttpClients.create(config, new DefaultCamelContext(), 2);
    }

    @Test
    void reusesOneKeepAliveConnectionAndSendsChunksWithContentLength() throws Exception {
        try (CloseableHttpClient client = client(5000)) {
            var source = new ByteArrayChunkSource(new byte[3000]);
            for (int i = 0; i < 3; i++) {
                HttpPut put = new HttpPut(base + "/ok");
                put.setEntity(new ChunkEntity(source.nextChunk(1000), ContentType.APPLICATION_OCTET_STREAM));
                int status = client.execute(put, response -> response.getCode());
                assertThat(status).isEqualTo(202);
            }
        }
        assertThat(bodyLengths).containsExactly(1000L, 1000L, 1000L);
        assertThat(clientPorts).as("one connection for all requests").hasSize(3).containsOnly(clientPorts.get(0));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeGivesARetryableTimeout() throws Exception {
        try (CloseableHttpClient client = client(300)) {
            assertThatThrownBy(() -> client.execute(new HttpGet(base + "/slow"), response -> response.getCode()))
                    .isInstanceOf(SocketTimeoutException.class)
                    .satisfies(e -> assertThat(RetryPolicy.isRetryable(e)).isTrue());
        }
    }

    @Test
    void anErrorBecomesHttpOperationFailedExceptionWithStatusBodyAndHeaders() throws Exception {
        try (CloseableHttpClient client = client(5000)) {
            HttpOperationFailedException failure = client.execute(new HttpGet(base + "/missing"),
                    response -> HttpFailures.fromResponse(base + "/missing", response, "ClickHelp has no such file"));
            assertThat(failure.getStatusCode()).isEqualTo(404);
            assertThat(failure.getResponseBody()).isEqualTo("No such file: docs/a.png");
            assertThat(failure.getStatusText()).isEqualTo("ClickHelp has no such file: No such file: docs/a.png");
            assertThat(failure.getResponseHeaders()).containsEntry("X-trace", "abc");
            assertThat(failure.getMessage()).as("the message says what went wrong in the server's words")
                    .startsWith("ClickHelp has no such file: No such file: docs/a.png").contains("404").contains(base + "/missing");
        }
    }

    @Test
    void aHugeErrorBodyIsReadOnlyUpToItsBound() throws Exception {
        try (CloseableHttpClient client = client(5000)) {
            HttpOperationFailedException failure = client.execute(new HttpGet(base + "/huge-error"),
                    response -> HttpFailures.fromResponse(base + "/huge-error", response, null));
            assertThat(failure.getStatusCode()).isEqualTo(500);
            assertThat(failure.getResponseBody()).hasSize(HttpFailures.MAX_BODY_CHARS + "... (truncated)".length())
                    .endsWith("(truncated)");
        }
    }
}
